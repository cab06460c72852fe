import { ApiError, browserApi, type paths, toApiError } from '../api/client.ts';

/**
 * POSTs a JSON body to the API, reporting the upload's progress (0..1): XMLHttpRequest rather
 * than fetch, as only it tells how much of the body has left. Sends the session's CSRF token
 * and fails as the typed client does (ApiError, with the fields the server named).
 */
export function postWithProgress<T>(
  path: keyof paths,
  body: unknown,
  onProgress: (share: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = browserApi.csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as T);
      } else void toApiError(response).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached.'));
    xhr.send(JSON.stringify(body));
  });
}

/** A refused import's reasons per line ("lines.12.value", "lines.3"), in line order. */
export function lineProblems(error: unknown): { line: number; field: string; reason: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields
    .flatMap((f) => {
      const m = /^lines\.(\d+)(?:\.([\w.]+))?$/.exec(f.field);
      return m ? [{ line: Number(m[1]), field: m[2] ?? '', reason: f.reason }] : [];
    })
    .sort((a, b) => a.line - b.line);
}
