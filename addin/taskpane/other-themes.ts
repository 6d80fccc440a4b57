/** The themes besides light, in their own chunk: most panes open light and never load them. */
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
