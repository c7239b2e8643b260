/**
 * A browser as the HTTP tests need it: one cookie jar for the app's pages,
 * redirects followed by hand (between the app and the sign-in stand-in), and
 * forms sent with their hidden token read from the page.
 */
export interface Page {
  status: number;
  url: string;
  html: string;
  headers: Headers;
}

export class PageClient {
  readonly cookies = new Map<string, string>();
  #stayOnSite = false;

  constructor(private readonly appUrl: string) {}

  /** Opens a page; follows redirects, as a browser would, or only those within the app with `stayOnSite`. */
  async open(pathOrUrl: string, options: { stayOnSite?: boolean } = {}): Promise<Page> {
    this.#stayOnSite = options.stayOnSite ?? false;
    return this.#follow(new URL(pathOrUrl, this.appUrl), { method: "GET" });
  }

  /** Sends a form as a browser does: urlencoded, with the cookie; follows the redirect after it. */
  async submit(path: string, fields: Record<string, string>): Promise<Page> {
    this.#stayOnSite = false;
    return this.#follow(new URL(path, this.appUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** The form token of a page, as its forms carry it. */
  static tokenOf(page: Page): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1];
    if (!token) throw new Error(`no form token on ${page.url}:\n${page.html.slice(0, 500)}`);
    return token;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async #follow(url: URL, init: RequestInit, hops = 0): Promise<Page> {
    if (hops > 10) throw new Error("too many redirects");
    const ours = url.origin === new URL(this.appUrl).origin;
    const headers = new Headers(init.headers);
    if (ours && this.cookies.size > 0) headers.set("cookie", this.cookieHeader);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    if (ours) this.#keepCookies(response.headers);
    const location = response.headers.get("location");
    const leaving = location !== null && new URL(location, url).origin !== new URL(this.appUrl).origin;
    if (response.status >= 300 && response.status < 400 && location && !(leaving && this.#stayOnSite)) {
      await response.arrayBuffer();
      return this.#follow(new URL(location, url), { method: "GET" }, hops + 1);
    }
    return { status: response.status, url: url.toString(), html: await response.text(), headers: response.headers };
  }

  #keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || attributes.some((a) => /^\s*max-age=0/i.test(a));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }
}
