// The start page: the language and contrast switches; the links are plain HTML.
import { initPrefs } from "./prefs.js";

initPrefs();
