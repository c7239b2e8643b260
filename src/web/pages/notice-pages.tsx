/**
 * The pages that only tell something: sign in first, not set up, signed out,
 * and errors. Each says what happened and what the person can do next.
 */
import { Layout, type Frame } from "./layout.js";

export function SignInPage(props: { frame: Frame; signInHref: string; purpose: string }) {
  return (
    <Layout title="Sign in with GitHub" frame={props.frame}>
      <p>{props.purpose}</p>
      <p>
        Signing in tells the app which GitHub account you are, and nothing more: it posts nothing as you, and it
        keeps no access to your account.
      </p>
      <p>
        <a class="button" href={props.signInHref}>
          Sign in with GitHub
        </a>
      </p>
    </Layout>
  );
}

export function NotConfiguredPage(props: { frame: Frame }) {
  return (
    <Layout title="These pages are not set up yet" frame={props.frame}>
      <p>
        Appeals and private reports on this installation of the app need GitHub sign-in, which its operators have
        not set up. Nothing you send can be received here yet.
      </p>
      <p>To reach the conduct committee now, use the contact given in the project's Code of Conduct.</p>
      <p class="aside">
        Operators: set <code>GITHUB_CLIENT_ID</code>, <code>GITHUB_CLIENT_SECRET</code> and <code>APP_URL</code>, as
        described in the app's getting-started guide.
      </p>
    </Layout>
  );
}

export function SignedOutPage(props: { frame: Frame }) {
  return (
    <Layout title="Signed out" frame={props.frame}>
      <p>You are signed out. This browser no longer opens your case pages until you sign in again.</p>
      <p>
        <a href="/report">Report conduct privately</a>
      </p>
    </Layout>
  );
}

export interface ErrorStory {
  title: string;
  /** What happened, in the person's terms. */
  message: string;
  /** Where to go from here. */
  next?: { href: string; label: string };
  /** Text the person wrote that was not sent, shown so that it is not lost. */
  unsent?: string;
}

export function ErrorPage(props: { frame: Frame; story: ErrorStory }) {
  const { story } = props;
  return (
    <Layout title={story.title} frame={props.frame}>
      <p role="alert">{story.message}</p>
      {story.unsent && (
        <>
          <label for="unsent">What you wrote, not sent: copy it before you leave this page</label>
          <textarea id="unsent" readOnly rows={8}>
            {story.unsent}
          </textarea>
        </>
      )}
      {story.next && (
        <p>
          <a href={story.next.href}>{story.next.label}</a>
        </p>
      )}
    </Layout>
  );
}
