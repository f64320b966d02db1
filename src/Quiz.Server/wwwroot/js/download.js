// Downloads that need the organizer's token (or a host key) in a header: a fetch turned into a saved file.
import { authHeaders } from "./api.js";

/** Saves url's answer as fileName; a refusal throws an Error carrying the server's problem details (error.data). */
export async function download(url, fileName, headers = {}) {
  const response = await fetch(url, { headers: authHeaders(headers) });
  if (!response.ok) {
    const error = new Error(`${response.status}`);
    error.status = response.status;
    error.data = await response.json().catch(() => ({}));
    throw error;
  }
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(await response.blob()), download: fileName });
  link.click();
  URL.revokeObjectURL(link.href);
}
