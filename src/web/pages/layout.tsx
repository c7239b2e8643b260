/**
 * The frame of every page: language, a phone-sized viewport, the site's one
 * stylesheet and icon, a skip link, the signed-in account with its sign-out button,
 * and one heading per page. Preact escapes every value it renders.
 */
import type { ComponentChildren } from "preact";
import type { GitHubAccount } from "../github-identity.js";

export interface Frame {
  /** The signed-in account, to show and to sign out; null for a visitor. */
  account: GitHubAccount | null;
  /** The session's form token; every form carries it. */
  csrfToken: string | null;
}

export function Layout(props: { title: string; frame: Frame; scripts?: string[]; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · Code of Conduct`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {/* Browsers ask for /favicon.ico when a page names no icon, and log its 404 as an error on every page. */}
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        {props.scripts?.map((src) => <script src={src} defer />)}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <p class="brand">Code of Conduct</p>
          {props.frame.account && (
            <form method="post" action="/auth/sign-out" class="account">
              <CsrfField token={props.frame.csrfToken} />
              <span>
                Signed in as <strong>@{props.frame.account.login}</strong>
              </span>{" "}
              <button type="submit" class="link">
                Sign out
              </button>
            </form>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
        <footer class="site">
          <p>
            Only the people handling the case see what you send here. <a href="/report">Report conduct privately</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The hidden form token; the name is the one csrf-sync is told to read. */
export function CsrfField(props: { token: string | null }) {
  return props.token ? <input type="hidden" name="_csrf" value={props.token} /> : null;
}
