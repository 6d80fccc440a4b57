#!/usr/bin/env bash
# Deploys Mergeline into one Azure resource group: infrastructure (infra/main.bicep), the API
# (Functions zip), the pane (Static Web Apps) and the manifests admins upload (docs/deploy.md).
#
#   scripts/deploy.sh --resource-group RG [--location REGION] [--client-id GUID]
#                     [--custom-domain HOST] [--cosmos serverless|autoscale]
#                     [--data-auth managedIdentity|keys] [--registry ACR] [--skip-infra]
#                     [--dry-run]
#
# --registry builds the API as a container image with LibreOffice (infra/Dockerfile) in that Azure
# Container Registry (ACR Tasks build it in Azure: no Docker here) and runs it on Azure Container
# Apps, for PDF output; without it the API goes to Flex Consumption as a zip, without PDF.
# --dry-run prints every command instead of running it (no Azure, no build), so the sequence can
# be reviewed, or tested where there is no Azure account.
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

RESOURCE_GROUP=""
LOCATION=""
CLIENT_ID="${MERGELINE_CLIENT_ID:-}"
CUSTOM_DOMAIN=""
COSMOS_MODE="serverless"
DATA_AUTH="managedIdentity"
REGISTRY=""
SKIP_INFRA=0
DRY_RUN=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) RESOURCE_GROUP="$2"; shift 2 ;;
    -l | --location) LOCATION="$2"; shift 2 ;;
    --client-id) CLIENT_ID="$2"; shift 2 ;;
    --custom-domain) CUSTOM_DOMAIN="$2"; shift 2 ;;
    --cosmos) COSMOS_MODE="$2"; shift 2 ;;
    --data-auth) DATA_AUTH="$2"; shift 2 ;;
    --registry) REGISTRY="$2"; shift 2 ;;
    --skip-infra) SKIP_INFRA=1; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [[ -z "$RESOURCE_GROUP" ]]; then
  echo "--resource-group is required" >&2
  usage >&2
  exit 2
fi
# An Azure Container Registry name: 5 to 50 letters and digits.
if [[ -n "$REGISTRY" && ! "$REGISTRY" =~ ^[A-Za-z0-9]{5,50}$ ]]; then
  echo "--registry must be an Azure Container Registry name: 5 to 50 letters and digits" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Under dist/ (ignored by git) with the rest of the build output.
STAGE="$ROOT/dist/deploy"
cd "$ROOT"

# Prints a command; runs it unless this is a dry run. Arguments stay separate words, so values
# with spaces are neither split nor interpreted.
run() {
  printf '+'
  printf ' %q' "$@"
  printf '\n'
  if [[ "$DRY_RUN" -eq 0 ]]; then "$@"; fi
}

# The same in another directory, without changing this shell's.
run_in() {
  local dir="$1"
  shift
  printf '+ (cd %q &&' "$dir"
  printf ' %q' "$@"
  printf ')\n'
  if [[ "$DRY_RUN" -eq 0 ]]; then (cd "$dir" && "$@"); fi
}

step() { printf '\n== %s\n' "$*"; }

require() {
  if [[ "$DRY_RUN" -eq 0 ]] && ! command -v "$1" > /dev/null 2>&1; then
    echo "$1 is required: $2" >&2
    exit 1
  fi
}

require az "install the Azure CLI (2.60 or later) and run az login"
require node "install Node.js 20"
require npm "install Node.js 20"
require zip "install zip"

# One value from the deployment's outputs (a JSON file written by az deployment group create).
output() {
  node -e 'const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = o[process.argv[2]]; if (!v) process.exit(1); process.stdout.write(String(v.value));' \
    "$STAGE/outputs.json" "$1"
}

if [[ "$DRY_RUN" -eq 0 ]]; then mkdir -p "$STAGE"; fi

step "Checking that infra/cosmos-containers.json matches functions/store/containers.ts"
run npm run --silent build:infra -- --check

if [[ -n "$LOCATION" && "$SKIP_INFRA" -eq 0 ]]; then
  run az group create --name "$RESOURCE_GROUP" --location "$LOCATION" --output none
fi

IMAGE=""
if [[ -n "$REGISTRY" ]]; then
  # The image must exist before the infrastructure points the app at it. The tag is the commit
  # (and the time, so a rebuild of the same commit is a new revision).
  TAG="$(git rev-parse --short HEAD 2> /dev/null || echo local)-$(date -u +%Y%m%d%H%M%S)"
  IMAGE="$REGISTRY.azurecr.io/mergeline-api:$TAG"
  step "Building the API image $IMAGE (infra/Dockerfile, LibreOffice for PDF) in $REGISTRY"
  if [[ "$DRY_RUN" -eq 1 ]] || ! az acr show --name "$REGISTRY" --resource-group "$RESOURCE_GROUP" --output none 2> /dev/null; then
    run az acr create --name "$REGISTRY" --resource-group "$RESOURCE_GROUP" --sku Basic \
      --admin-enabled false --output none
  fi
  run az acr build --registry "$REGISTRY" --resource-group "$RESOURCE_GROUP" \
    --image "mergeline-api:$TAG" --file infra/Dockerfile .
fi

if [[ "$SKIP_INFRA" -eq 0 ]]; then
  step "Deploying the infrastructure to $RESOURCE_GROUP"
  params=(
    --parameters "@infra/main.parameters.json"
    --parameters "clientId=$CLIENT_ID" "paneCustomDomain=$CUSTOM_DOMAIN"
    --parameters "cosmosThroughputMode=$COSMOS_MODE" "dataAuth=$DATA_AUTH"
  )
  if [[ -n "$IMAGE" ]]; then
    params+=(--parameters "apiImage=$IMAGE" "apiImageRegistry=$REGISTRY")
  fi
  if [[ "$DRY_RUN" -eq 1 ]]; then
    run az deployment group create --resource-group "$RESOURCE_GROUP" \
      --name mergeline --template-file infra/main.bicep "${params[@]}" \
      --query properties.outputs --output json
  else
    az deployment group create --resource-group "$RESOURCE_GROUP" \
      --name mergeline --template-file infra/main.bicep "${params[@]}" \
      --query properties.outputs --output json > "$STAGE/outputs.json"
  fi
elif [[ "$DRY_RUN" -eq 0 ]]; then
  step "Reading the last deployment's outputs"
  az deployment group show --resource-group "$RESOURCE_GROUP" --name mergeline \
    --query properties.outputs --output json > "$STAGE/outputs.json"
fi

if [[ "$DRY_RUN" -eq 1 ]]; then
  FUNCTION_APP="<functionAppName>"
  STATIC_WEB_APP="<staticWebAppName>"
  API_URL="https://<functionAppHost>/api"
  PANE_URL="https://${CUSTOM_DOMAIN:-<staticWebAppHost>}"
else
  FUNCTION_APP="$(output functionAppName)"
  STATIC_WEB_APP="$(output staticWebAppName)"
  API_URL="$(output apiUrl)"
  PANE_URL="$(output paneUrl)"
fi

if [[ -z "$CLIENT_ID" ]]; then
  echo "note: no --client-id: the manifests carry a placeholder until the Entra app is registered" >&2
  echo "      for $PANE_URL (docs/deploy.md), then run this again with --client-id." >&2
fi

step "Building for $PANE_URL (API $API_URL)"
run env MERGELINE_PUBLIC_URL="$PANE_URL" MERGELINE_API_URL="$API_URL" \
  MERGELINE_CLIENT_ID="$CLIENT_ID" npm run build
run npm run validate
run env MERGELINE_PUBLIC_URL="$PANE_URL" MERGELINE_API_URL="$API_URL" \
  MERGELINE_CLIENT_ID="$CLIENT_ID" npm run package:teams

step "Publishing the pane to the Static Web App $STATIC_WEB_APP"
if [[ "$DRY_RUN" -eq 1 ]]; then
  run az staticwebapp secrets list --name "$STATIC_WEB_APP" --resource-group "$RESOURCE_GROUP" \
    --query properties.apiKey --output tsv
  SWA_TOKEN="<deployment token>"
else
  SWA_TOKEN="$(az staticwebapp secrets list --name "$STATIC_WEB_APP" \
    --resource-group "$RESOURCE_GROUP" --query properties.apiKey --output tsv)"
fi
# The token goes in the environment, not on the command line, where ps would show it.
printf '+ SWA_CLI_DEPLOYMENT_TOKEN=*** npx --yes @azure/static-web-apps-cli@2 deploy dist/addin --env production\n'
if [[ "$DRY_RUN" -eq 0 ]]; then
  SWA_CLI_DEPLOYMENT_TOKEN="$SWA_TOKEN" npx --yes @azure/static-web-apps-cli@2 deploy dist/addin \
    --env production
fi

if [[ -n "$IMAGE" ]]; then
  step "The API runs the image $IMAGE (Functions on Azure Container Apps)"
  if [[ "$SKIP_INFRA" -eq 1 ]]; then
    run az functionapp config container set --resource-group "$RESOURCE_GROUP" \
      --name "$FUNCTION_APP" --image "$IMAGE"
  fi
else
  step "Publishing the API to the Function App $FUNCTION_APP"
  # The package holds what Azure runs: the bundle, host.json, package.json ("main") and the
  # production dependencies; scripts are skipped (patch-package patches a dev-only dependency).
  run rm -rf "$STAGE/functions" "$STAGE/functions.zip"
  run mkdir -p "$STAGE/functions/dist"
  run cp -R dist/functions "$STAGE/functions/dist/functions"
  run cp host.json package.json package-lock.json "$STAGE/functions/"
  run npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefix "$STAGE/functions"
  run_in "$STAGE/functions" zip -qr ../functions.zip .
  run az functionapp deployment source config-zip --resource-group "$RESOURCE_GROUP" \
    --name "$FUNCTION_APP" --src "$STAGE/functions.zip"
fi

step "Checking the API"
run curl --fail --silent --show-error --retry 5 --retry-delay 10 --retry-all-errors "$API_URL/health"

if [[ "$DRY_RUN" -eq 1 ]]; then
  printf '\nDry run: nothing was run or changed.\n'
  exit 0
fi

cat << EOF

Deployed.
  pane: $PANE_URL/taskpane.html
  API:  $API_URL
Next (docs/deploy.md):
  - Microsoft 365 admin center > Settings > Integrated apps > Upload custom apps:
    dist/manifest.xml
  - Teams admin center > Teams apps > Manage apps > Upload new app:
    dist/teams/mergeline-teams.zip
EOF
