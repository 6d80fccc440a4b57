import { registerRibbonCommands } from "../host/word/ribbon-commands";

/*
 * The ribbon's function file (commands.html), where the manifest and Microsoft's template keep
 * it. Office loads it, and only Office, yet what it does with Office is host code like every
 * other Office.js call: it lives in host/word/, and this entry only starts it.
 */
registerRibbonCommands();
