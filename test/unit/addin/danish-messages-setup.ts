/**
 * The pane loads its Danish catalog before the first render (i18n/translate.ts loadMessages);
 * tests render and translate without that step, so it is registered here for each test file.
 */
import { daDK } from "../../../addin/i18n/da-DK";
import { registerDanish } from "../../../addin/i18n/translate";

registerDanish(daDK);
