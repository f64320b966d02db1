// fetch for the organizer pages: JSON in and out; a refusal becomes an Error with the server's problem details.
export async function api(method, url, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
  const response = await fetch(url, init);
  const text = await response.text();
  const data = text && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = new Error(problemText(data) || `${response.status}`);
    error.status = response.status;
    error.data = data;
    throw error;
  }
  return data;
}

const problemText = data => typeof data === "string" ? data
  : [data?.title, ...(data?.errors ?? []).map(e => `${e.field ?? e.column ?? ""} ${e.message ?? ""}`.trim())].filter(Boolean).join("；");
