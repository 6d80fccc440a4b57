/**
 * A stand-in for Office.js and the Word API in the end-to-end test: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js, it implements exactly the subset
 * addin/host/word.ts (and word/*.ts) uses, over an in-memory document of paragraphs, text runs,
 * tagged content controls, Word MERGEFIELDs and section breaks, with OOXML (flat OPC) in and out.
 *
 * Like Word, it queues every operation and runs the queue at context.sync(), and a property or
 * a ClientResult read before the sync that loads it throws: a pane that forgets a load or a sync
 * fails here as it would in Word. window.__wordStandIn exposes the document and the sync count
 * for assertions; test/e2e/README.md shows how the e2e test loads it.
 *
 * Configure before the script runs (playwright: page.addInitScript):
 *   window.__wordStandInConfig = { wordApi: "1.3" | "1.1", displayLanguage: "da-DK",
 *     title: "Q3 letter", theme: "light" | "dark", paragraphs: ["Dear ", ...],
 *     accessToken: "<jwt>", signIn: "silent" | "interaction" | "declined",
 *     officeSso: true | false | <error code> }
 *
 * With an accessToken, the stand-in is also Word's sign-in broker for nested app authentication
 * (NestedAppAuth 1.1): window.nestedAppAuthBridge answers MSAL's GetInitContext, GetToken and
 * GetTokenPopup messages with that token, as Word hands out the signed-in user's tokens.
 * signIn "interaction" makes the silent GetToken answer "user interaction required" (the popup
 * then succeeds); "declined" makes the popup answer "user cancelled" as well.
 *
 * With an accessToken, the stand-in is also Office's own single sign-on (IdentityAPI 1.3):
 * Office.auth.getAccessToken resolves with that token, as Word hands out a token for the
 * manifest's WebApplicationInfo resource. It fails as Office documents it ("Troubleshoot error
 * messages for single sign-on", learn.microsoft.com), with an error object { code, name, message }:
 * signIn "interaction" shows Office's consent prompt once and then succeeds; "declined" is the
 * user closing it (13002, every time); either, without allowConsentPrompt, is 13005 (consent
 * needed, nothing shown); a call while another is running gets 13008; more than 5
 * calls within 10 s get 13013 (Office throttles; it publishes no numbers, these are ours).
 * officeSso: false is an Office without IdentityAPI 1.3 (every call 13000, isSetSupported says
 * no); a number makes every call fail with that code (13012: not supported in this context,
 * 13003: user type not supported, ...), as a pane that must fall back to MSAL sees it.
 */
(function installWordStandIn(global) {
  "use strict";

  const config = Object.assign(
    {
      wordApi: "1.3",
      displayLanguage: "en-US",
      title: "Letter",
      theme: "light",
      paragraphs: [""],
      // Word on the web refuses a request carrying a string longer than this (office-js#4697).
      payloadLimit: 4 * 1024 * 1024,
    },
    global.__wordStandInConfig || {},
  );

  const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage";

  // ── The document ──────────────────────────────────────────────────────────────────────────
  // paragraph: { inlines: Inline[], sectionBreak?: true }
  // Inline: { kind: "text", text } | { kind: "control", id, tag, title, appearance, text }
  //       | { kind: "mergeField", name, text }
  const state = {
    paragraphs: [],
    /** Where the cursor is: before inline `inline` of paragraph `paragraph`. */
    cursor: { paragraph: 0, inline: 0 },
    nextControlId: 1,
    syncCount: 0,
    /** One entry per sync: how many operations it carried. */
    syncLog: [],
    /** base64 .docx handed to application.createDocument(...).open(). */
    openedDocuments: [],
    /** Syncs Word refused for a payload over config.payloadLimit. */
    refusedPayloads: 0,
  };

  const textParagraph = (text) => ({ inlines: text ? [{ kind: "text", text }] : [] });

  const cursorAtEnd = () => {
    const last = state.paragraphs.length - 1;
    state.cursor = { paragraph: last, inline: state.paragraphs[last].inlines.length };
  };

  const resetDocument = (paragraphs) => {
    state.paragraphs = (paragraphs.length ? paragraphs : [""]).map(textParagraph);
    cursorAtEnd();
  };

  const allControls = () =>
    state.paragraphs.flatMap((p) => p.inlines.filter((inline) => inline.kind === "control"));

  /** A paragraph's text; one that ends a section (its w:pPr holds a w:sectPr) ends in "\f". */
  const paragraphText = (p) =>
    p.inlines.map((inline) => inline.text).join("") + (p.sectionBreak ? "\f" : "");
  const textOf = (paragraphs) => paragraphs.map(paragraphText).join("\n");
  const documentText = () => textOf(state.paragraphs);

  // ── OOXML out ─────────────────────────────────────────────────────────────────────────────
  const escapeXml = (text) =>
    String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");

  const run = (text) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

  const inlineXml = (inline) => {
    if (inline.kind === "text") return run(inline.text);
    if (inline.kind === "control") {
      return (
        `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(inline.title || "")}"/>` +
        `<w:tag w:val="${escapeXml(inline.tag || "")}"/><w:id w:val="${inline.id}"/></w:sdtPr>` +
        `<w:sdtContent>${run(inline.text)}</w:sdtContent></w:sdt>`
      );
    }
    const name = /\s/.test(inline.name) ? `"${inline.name}"` : inline.name;
    return (
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
      `<w:r><w:instrText xml:space="preserve"> MERGEFIELD ${escapeXml(name)} </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(inline.text)}` +
      `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
    );
  };

  const paragraphXml = (p) =>
    `<w:p>${p.sectionBreak ? `<w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr>` : ""}` +
    `${p.inlines.map(inlineXml).join("")}</w:p>`;

  const bodyOoxml = () =>
    `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
    `<pkg:package xmlns:pkg="${PKG_NS}">` +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
    `</Relationships></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
    `<w:document xmlns:w="${W_NS}"><w:body>${state.paragraphs.map(paragraphXml).join("")}<w:sectPr/></w:body></w:document>` +
    `</pkg:xmlData></pkg:part></pkg:package>`;

  // ── OOXML in ──────────────────────────────────────────────────────────────────────────────
  const unescapeXml = (text) =>
    text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
      .replace(/&amp;/g, "&");

  const attribute = (attributes, name) => {
    const match = new RegExp(`${name}="([^"]*)"`).exec(attributes);
    return match ? unescapeXml(match[1]) : undefined;
  };

  /** The paragraphs of a document.xml: text, content controls, MERGEFIELDs, section breaks. */
  const parseDocumentXml = (xml) => {
    const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml);
    const paragraphs = [];
    if (!body) return paragraphs;
    const tokens = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
    let paragraph = null;
    let control = null;
    let blockControl = null;
    let field = null;
    let inText = false;
    let inInstr = false;
    let inPPr = false;
    const add = (text) => {
      if (field) {
        if (field.phase === "result") field.text += text;
        return;
      }
      const target = control || blockControl;
      if (target) {
        target.text += text;
        return;
      }
      if (!paragraph) return;
      const last = paragraph.inlines[paragraph.inlines.length - 1];
      if (last && last.kind === "text") last.text += text;
      else paragraph.inlines.push({ kind: "text", text });
    };
    let match;
    while ((match = tokens.exec(body[1]))) {
      const [, closing, name, attributes, selfClosing, text] = match;
      if (text !== undefined) {
        if (inText) add(unescapeXml(text));
        else if (inInstr && field) field.code += unescapeXml(text);
        continue;
      }
      if (closing) {
        if (name === "w:t") inText = false;
        else if (name === "w:instrText") inInstr = false;
        else if (name === "w:pPr") inPPr = false;
        else if (name === "w:p" && paragraph) {
          // The paragraphs of a block-level control become lines of its text.
          if (blockControl && !paragraph.sectionBreak) blockControl.text += "\n";
          else paragraphs.push(paragraph);
          paragraph = null;
        } else if (name === "w:sdt") {
          if (control && paragraph) paragraph.inlines.push(control);
          else if (blockControl) {
            blockControl.text = blockControl.text.replace(/\n$/, "");
            paragraphs.push({ inlines: [blockControl] });
            blockControl = null;
          }
          control = null;
        }
        continue;
      }
      switch (name) {
        case "w:p":
          paragraph = { inlines: [] };
          if (selfClosing) {
            paragraphs.push(paragraph);
            paragraph = null;
          }
          break;
        case "w:pPr":
          inPPr = !selfClosing;
          break;
        case "w:sectPr":
          if (inPPr && paragraph) paragraph.sectionBreak = true;
          break;
        case "w:sdt": {
          const created = {
            kind: "control",
            id: state.nextControlId++,
            tag: "",
            title: "",
            appearance: "BoundingBox",
            text: "",
          };
          if (paragraph) control = created;
          else blockControl = created;
          break;
        }
        case "w:tag": {
          const target = control || blockControl;
          if (target) target.tag = attribute(attributes, "w:val") || "";
          break;
        }
        case "w:alias": {
          const target = control || blockControl;
          if (target) target.title = attribute(attributes, "w:val") || "";
          break;
        }
        case "w:t":
          inText = !selfClosing;
          break;
        case "w:instrText":
          inInstr = !selfClosing;
          break;
        case "w:tab":
          add("\t");
          break;
        case "w:br":
          add("\n");
          break;
        case "w:fldChar": {
          const type = attribute(attributes, "w:fldCharType");
          if (type === "begin") field = { code: "", text: "", phase: "code" };
          else if (type === "separate" && field) field.phase = "result";
          else if (type === "end" && field) {
            const done = field;
            field = null;
            const merge = /^\s*MERGEFIELD\s+(?:"([^"]+)"|(\S+))/i.exec(done.code);
            if (merge && paragraph) {
              paragraph.inlines.push({
                kind: "mergeField",
                name: merge[1] || merge[2],
                text: done.text,
              });
            } else add(done.text);
          }
          break;
        }
        default:
          break;
      }
    }
    return paragraphs;
  };

  const documentPartOf = (flatOpc) => {
    const match =
      /pkg:name="\/word\/document\.xml"[^>]*>\s*<pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>/.exec(
        flatOpc,
      );
    if (!match)
      throw new StandInError("InvalidArgument", "insertOoxml: no /word/document.xml part");
    return match[1];
  };

  // ── .docx (zip) in, for insertFileFromBase64 and the opened documents ─────────────────────
  const base64ToBytes = (base64) => {
    const binary = global.atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };

  const inflateRaw = async (bytes) => {
    const stream = new global.Blob([bytes])
      .stream()
      .pipeThrough(new global.DecompressionStream("deflate-raw"));
    return new Uint8Array(await new global.Response(stream).arrayBuffer());
  };

  /** A part of a zip package, by name, as text. */
  const zipPart = async (bytes, wanted) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = bytes.length - 22;
    while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
    if (end < 0) throw new StandInError("InvalidArgument", "not a zip package");
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count; i++) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = new global.TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === wanted) {
        const start =
          local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const data = bytes.subarray(start, start + size);
        return new global.TextDecoder().decode(method === 0 ? data : await inflateRaw(data));
      }
      at += 46 + nameLength + extra + comment;
    }
    throw new StandInError("InvalidArgument", `the package has no ${wanted}`);
  };

  const docxParagraphs = async (base64) =>
    parseDocumentXml(await zipPart(base64ToBytes(base64), "word/document.xml"));

  // ── Request contexts, proxies and sync ────────────────────────────────────────────────────
  class StandInError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
    }
  }

  /** An operation that hands Word a string: its length counts against the payload limit. */
  const carrying = (payload, operation) => Object.assign(operation, { payload: payload.length });

  const notLoaded = (name) =>
    new StandInError(
      "PropertyNotLoaded",
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );

  /** What load() names: "items/tag,items/text" or ["title"] or { items: ... } is refused. */
  const loadedNames = (what) => {
    if (what === undefined) {
      throw new StandInError(
        "InvalidArgument",
        "load() without property names loads everything: name them",
      );
    }
    const list = Array.isArray(what) ? what : typeof what === "string" ? what.split(",") : null;
    if (!list)
      throw new StandInError("InvalidArgument", "the stand-in takes load('a,b') or load(['a'])");
    return list.map((name) => name.trim()).filter(Boolean);
  };

  const clientResult = (context, produce) => {
    const box = { ready: false, value: undefined };
    context.queue.push(async () => {
      box.value = await produce();
      box.ready = true;
    });
    return {
      get value() {
        if (!box.ready) throw notLoaded("value");
        return box.value;
      },
    };
  };

  const insertParagraphs = (paragraphs, location) => {
    if (location === "Replace") {
      state.paragraphs = paragraphs.length ? paragraphs : [textParagraph("")];
      cursorAtEnd();
    } else if (location === "End") {
      state.paragraphs.push(...paragraphs);
    } else if (location === "Start") {
      state.paragraphs.unshift(...paragraphs);
    } else {
      throw new StandInError(
        "InvalidArgument",
        `insert location ${location} is not in the stand-in`,
      );
    }
  };

  const bodyProxy = (context) => ({
    getOoxml: () => clientResult(context, () => bodyOoxml()),
    insertOoxml(ooxml, location) {
      context.queue.push(
        carrying(ooxml, () => insertParagraphs(parseDocumentXml(documentPartOf(ooxml)), location)),
      );
    },
    insertBreak(type, location) {
      context.queue.push(() => {
        if (location !== "End")
          throw new StandInError("InvalidArgument", "breaks go at the End here");
        if (type === "SectionNext") state.paragraphs.push({ inlines: [], sectionBreak: true });
        else if (type === "Page" || type === "Line") state.paragraphs.push(textParagraph(""));
        else throw new StandInError("InvalidArgument", `break ${type} is not in the stand-in`);
      });
    },
    insertFileFromBase64(base64, location) {
      context.queue.push(
        carrying(base64, async () => insertParagraphs(await docxParagraphs(base64), location)),
      );
    },
  });

  const controlItemProxy = (control, names) => {
    const item = {
      insertText(text, location) {
        item.context.queue.push(() => {
          if (location !== "Replace")
            throw new StandInError("InvalidArgument", "controls take Replace here");
          control.text = String(text).replace(/\v/g, "\n");
        });
      },
    };
    for (const name of ["tag", "title", "text", "appearance", "id"]) {
      Object.defineProperty(item, name, {
        get() {
          if (!names.includes(`items/${name}`) && !names.includes("items")) throw notLoaded(name);
          return control[name];
        },
      });
    }
    return item;
  };

  const contentControlsProxy = (context) => {
    const box = { items: undefined };
    return {
      load(what) {
        const names = loadedNames(what);
        context.queue.push(() => {
          box.items = allControls().map((control) => {
            const item = controlItemProxy(control, names);
            item.context = context;
            return item;
          });
        });
        return this;
      },
      get items() {
        if (!box.items) throw notLoaded("items");
        return box.items;
      },
    };
  };

  /** A content control inserted at the cursor: created at sync, configured by queued sets. */
  const newControlProxy = (context, box) => {
    const set = (name) => (value) => context.queue.push(() => (box.control[name] = value));
    const proxy = {
      insertText(text, location) {
        context.queue.push(() => {
          if (location !== "Replace")
            throw new StandInError("InvalidArgument", "controls take Replace here");
          box.control.text = String(text);
        });
      },
      getRange(location) {
        return {
          select(mode) {
            context.queue.push(() => {
              if (location !== "After") return;
              const p = state.paragraphs[box.paragraph];
              state.cursor = {
                paragraph: box.paragraph,
                inline: p.inlines.indexOf(box.control) + 1,
              };
              void mode;
            });
          },
        };
      },
    };
    for (const name of ["tag", "title", "appearance"]) {
      Object.defineProperty(proxy, name, {
        set: set(name),
        get() {
          throw notLoaded(name);
        },
      });
    }
    return proxy;
  };

  const selectionProxy = (context) => ({
    insertContentControl() {
      const box = { control: undefined, paragraph: 0 };
      context.queue.push(() => {
        const { paragraph, inline } = state.cursor;
        const control = {
          kind: "control",
          id: state.nextControlId++,
          tag: "",
          title: "",
          appearance: "BoundingBox",
          text: "",
        };
        state.paragraphs[paragraph].inlines.splice(inline, 0, control);
        box.control = control;
        box.paragraph = paragraph;
      });
      return newControlProxy(context, box);
    },
  });

  const propertiesProxy = (context) => {
    const box = { loaded: false };
    return {
      load(what) {
        loadedNames(what);
        context.queue.push(() => (box.loaded = true));
        return this;
      },
      get title() {
        if (!box.loaded) throw notLoaded("title");
        return config.title;
      },
    };
  };

  class RequestContext {
    constructor() {
      this.queue = [];
      this.document = {
        body: bodyProxy(this),
        contentControls: contentControlsProxy(this),
        getSelection: () => selectionProxy(this),
        properties: propertiesProxy(this),
      };
      const queue = this.queue;
      this.application = {
        createDocument(base64) {
          return {
            open() {
              if (config.wordApi !== "1.3") {
                throw new StandInError("ApiNotFound", "createDocument needs WordApi 1.3");
              }
              queue.push(carrying(base64, () => state.openedDocuments.push(base64)));
            },
          };
        },
      };
    }

    async sync() {
      const operations = this.queue.splice(0);
      state.syncCount += 1;
      state.syncLog.push({ operations: operations.length });
      // Word on the web checks the request before running any of it: refused whole, nothing done.
      if (operations.some((operation) => (operation.payload || 0) > config.payloadLimit)) {
        state.refusedPayloads += 1;
        throw new StandInError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
        );
      }
      for (const operation of operations) await operation();
    }
  }

  // ── Sign-in: Word's nested app authentication broker ──────────────────────────────────────
  const brokerRequests = [];
  if (config.accessToken) {
    const base64Url = (text) =>
      global
        .btoa(unescape(encodeURIComponent(text)))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
    const claims = JSON.parse(
      decodeURIComponent(
        escape(global.atob(config.accessToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))),
      ),
    );
    // An id token for the signed-in user, as the broker returns one: MSAL reads its claims and
    // never checks its signature (it came from the host, not the network).
    const idToken = [
      base64Url(JSON.stringify({ alg: "none", typ: "JWT" })),
      base64Url(
        JSON.stringify({
          aud: claims.aud,
          iss: claims.iss,
          tid: claims.tid,
          oid: claims.oid,
          sub: claims.oid,
          preferred_username: claims.preferred_username || claims.upn || "user@contoso.com",
          name: claims.name || "Word user",
          iat: claims.iat,
          exp: claims.exp,
        }),
      ),
      "",
    ].join(".");
    const listeners = [];
    const answer = (response) => {
      const text = JSON.stringify({ messageType: "NestedAppAuthResponse", ...response });
      global.setTimeout(() => listeners.forEach((listener) => listener(text)), 0);
    };
    const tokenAnswer = (requestId) => ({
      requestId,
      success: true,
      token: {
        access_token: config.accessToken,
        expires_in: Math.max(60, (claims.exp || 0) - Math.floor(Date.now() / 1000)),
        id_token: idToken,
        properties: null,
      },
      account: {
        homeAccountId: `${claims.oid}.${claims.tid}`,
        environment: "login.microsoftonline.com",
        tenantId: claims.tid,
        localAccountId: claims.oid,
        username: claims.preferred_username || claims.upn || "user@contoso.com",
      },
    });
    const refusal = (requestId, status) => ({
      requestId,
      success: false,
      error: { status, code: status.toLowerCase() },
    });
    global.nestedAppAuthBridge = {
      addEventListener: (_type, listener) => listeners.push(listener),
      removeEventListener: (_type, listener) => {
        const at = listeners.indexOf(listener);
        if (at >= 0) listeners.splice(at, 1);
      },
      postMessage(message) {
        const request = JSON.parse(message);
        brokerRequests.push({
          method: request.method,
          scope: request.tokenParams && request.tokenParams.scope,
        });
        if (request.method === "GetInitContext") {
          answer({
            requestId: request.requestId,
            success: true,
            initContext: { sdkName: "word-stand-in", sdkVersion: "1.0.0", capabilities: {} },
          });
        } else if (request.method === "GetToken") {
          answer(
            config.signIn === "interaction" || config.signIn === "declined"
              ? refusal(request.requestId, "USER_INTERACTION_REQUIRED")
              : tokenAnswer(request.requestId),
          );
        } else if (request.method === "GetTokenPopup") {
          answer(
            config.signIn === "declined"
              ? refusal(request.requestId, "USER_CANCEL")
              : tokenAnswer(request.requestId),
          );
        } else {
          answer(refusal(request.requestId, "PERSISTENT_ERROR"));
        }
      },
    };
  }

  // ── Sign-in: Office's own single sign-on (Office.auth.getAccessToken) ───────────────────
  const ssoRequests = [];
  const officeSso = config.accessToken ? (config.officeSso ?? true) : false;
  let ssoPending = false;
  let ssoConsented = config.signIn !== "interaction";
  const ssoError = (code, name, message) => ({ code, name, message });
  const ssoMessages = {
    13000: ["API Not Supported", "The identity API is not supported for this add-in."],
    13002: ["User Aborted", "The user aborted the consent request."],
    13003: ["User Type Not Supported", "The user type is not supported."],
    13005: ["Invalid Grant", "The user has not granted the add-in access to their profile."],
    13007: ["Add-in Error", "Office could not get a token from the add-in's web service."],
    13008: ["Operation In Progress", "A previous getAccessToken call is still in progress."],
    13012: ["API Not Supported", "The identity API is not supported in this environment."],
    13013: ["Too Many Calls", "getAccessToken was called too many times in a short time."],
  };
  const ssoRefusal = (code) =>
    ssoError(code, ...(ssoMessages[code] || ["Internal Error", "An internal error occurred."]));
  const getAccessToken = (options) => {
    const at = Date.now();
    ssoRequests.push({ at, options: options || {} });
    if (officeSso === false) return Promise.reject(ssoRefusal(13000));
    if (typeof officeSso === "number") return Promise.reject(ssoRefusal(officeSso));
    if (ssoPending) return Promise.reject(ssoRefusal(13008));
    if (ssoRequests.filter((r) => at - r.at < 10_000).length > 5)
      return Promise.reject(ssoRefusal(13013));
    ssoPending = true;
    return new Promise((resolve, reject) =>
      global.setTimeout(() => {
        ssoPending = false;
        const current = ssoRequests[ssoRequests.length - 1];
        const mayPrompt = Boolean(options && options.allowConsentPrompt);
        if (!ssoConsented || config.signIn === "declined") {
          // Consent is needed: without leave to prompt, Office says so (13005, invalid grant:
          // the user has not granted the add-in access) and shows nothing.
          if (!mayPrompt) return reject(ssoRefusal(13005));
        }
        if (config.signIn === "declined") {
          // Office showed its consent prompt and the user closed it.
          current.prompted = true;
          reject(ssoRefusal(13002));
        } else if (!ssoConsented) {
          current.prompted = true;
          ssoConsented = true;
          resolve(config.accessToken);
        } else resolve(config.accessToken);
      }, 0),
    );
  };

  // ── Office and Word ───────────────────────────────────────────────────────────────────────
  const versions = config.wordApi === "1.3" ? ["1.1", "1.2", "1.3"] : ["1.1"];

  global.Office = {
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    FileType: { Compressed: "compressed", Text: "text", Pdf: "pdf" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    auth: { getAccessToken },
    onReady(callback) {
      const info = { host: "Word", platform: "OfficeOnline" };
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: config.displayLanguage,
      // Word on the web: no getFileAsync, so the pane builds files from body.getOoxml().
      platform: "OfficeOnline",
      officeTheme: {
        bodyBackgroundColor: config.theme === "dark" ? "#1F1F1F" : "#FFFFFF",
        bodyForegroundColor: config.theme === "dark" ? "#FFFFFF" : "#000000",
      },
      requirements: {
        isSetSupported: (name, version) =>
          (name === "WordApi" && versions.includes(String(version || "1.1"))) ||
          (name === "IdentityAPI" && officeSso !== false && Number(version || "1.1") <= 1.3) ||
          (name === "NestedAppAuth" &&
            Boolean(config.accessToken) &&
            Number(version || "1.1") <= 1.1),
      },
      document: {
        url: `https://contoso.sharepoint.com/Documents/${encodeURIComponent(config.title)}.docx`,
        addHandlerAsync(_type, _handler, callback) {
          if (callback) callback({ status: "failed", error: { message: "not in the stand-in" } });
        },
        removeHandlerAsync() {},
      },
    },
  };

  global.Word = {
    InsertLocation: {
      replace: "Replace",
      start: "Start",
      end: "End",
      before: "Before",
      after: "After",
    },
    BreakType: {
      page: "Page",
      sectionNext: "SectionNext",
      sectionContinuous: "SectionContinuous",
      line: "Line",
    },
    ContentControlAppearance: { boundingBox: "BoundingBox", tags: "Tags", hidden: "Hidden" },
    async run(batch) {
      const context = new RequestContext();
      const result = await batch(context);
      // Word runs what is still queued when the batch ends: one more round trip.
      if (context.queue.length) await context.sync();
      return result;
    },
  };

  // ── For the test ──────────────────────────────────────────────────────────────────────────
  global.__wordStandIn = {
    /** Every Office.auth.getAccessToken call: { at, options, prompted }. */
    get ssoRequests() {
      return ssoRequests.map((r) => ({ ...r }));
    },
    /** What MSAL asked the sign-in broker, in order: { method, scope }. */
    get brokerRequests() {
      return brokerRequests.slice();
    },
    get syncCount() {
      return state.syncCount;
    },
    get syncLog() {
      return state.syncLog.slice();
    },
    resetSyncCount() {
      state.syncCount = 0;
      state.syncLog = [];
    },
    /** The document's text: paragraphs joined by "\n", each section ending in "\f". */
    documentText,
    contentControls: () =>
      allControls().map(({ tag, title, appearance, text }) => ({ tag, title, appearance, text })),
    mergeFields: () =>
      state.paragraphs.flatMap((p) =>
        p.inlines.filter((i) => i.kind === "mergeField").map((i) => i.name),
      ),
    get openedDocuments() {
      return state.openedDocuments.slice();
    },
    /** Syncs refused with RequestPayloadSizeLimitExceeded (a string over config.payloadLimit). */
    get refusedPayloads() {
      return state.refusedPayloads;
    },
    /** The text of an opened document (a merge into a new document), as documentText writes it. */
    async openedDocumentText(index) {
      return textOf(await docxParagraphs(state.openedDocuments[index]));
    },
    /** Starts over with these paragraphs of plain text. */
    setParagraphs(paragraphs) {
      resetDocument(paragraphs);
    },
    /** Loads a letter as flat OPC (Word's "Word XML Document"), e.g. one with MERGEFIELDs. */
    setOoxml(flatOpc) {
      state.paragraphs = parseDocumentXml(documentPartOf(flatOpc));
      cursorAtEnd();
    },
    getOoxml: bodyOoxml,
    /** Puts the cursor right after the first occurrence of `text`, as a click there would. */
    placeCursorAfter(text) {
      for (let p = 0; p < state.paragraphs.length; p++) {
        const inlines = state.paragraphs[p].inlines;
        for (let i = 0; i < inlines.length; i++) {
          const inline = inlines[i];
          if (inline.kind !== "text") continue;
          const at = inline.text.indexOf(text);
          if (at < 0) continue;
          const split = at + text.length;
          const rest = inline.text.slice(split);
          inline.text = inline.text.slice(0, split);
          if (rest) inlines.splice(i + 1, 0, { kind: "text", text: rest });
          state.cursor = { paragraph: p, inline: i + 1 };
          return true;
        }
      }
      return false;
    },
    placeCursorAtEnd: cursorAtEnd,
  };

  resetDocument(config.paragraphs);
})(globalThis);
