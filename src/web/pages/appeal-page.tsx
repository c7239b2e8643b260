/**
 * The appeal page of a case, for its subject only: each decision about them
 * with the committee's reasons (never who reported), and for each either the
 * form to appeal it (while the window is open), or the appeal filed and its
 * answer. The form works without JavaScript; with it, a live count of the
 * characters left.
 */
import { formatUtc } from "../../cases/case-state.js";
import { appealOpen, type AppealableDecision } from "../../cases/appealable.js";
import { decisionInWords } from "../../messages/appeals.js";
import { appealName, type AppealRow } from "../../store/appeals.js";
import { CsrfField, Layout, type Frame } from "./layout.js";

export interface CaseAppeals {
  code: string;
  community: string;
  decisions: AppealableDecision[];
  appeals: AppealRow[];
  maxLength: number;
}

/** What was typed in a form that could not be taken, and why. */
export interface AppealDraft {
  decisionKey: string;
  text: string;
  error: string;
}

export function AppealPage(props: { frame: Frame; cases: CaseAppeals[]; now: Date; draft?: AppealDraft }) {
  const code = props.cases[0]?.code ?? "";
  return (
    <Layout title={`Appeal a decision in case ${code}`} frame={props.frame} scripts={["/assets/forms.js"]}>
      {props.draft && (
        <div class="errors" role="alert" tabIndex={-1} id="errors">
          <h2>Your appeal was not sent</h2>
          <p>
            <a href={`#${fieldId(props.draft.decisionKey)}`}>{props.draft.error}</a>
          </p>
        </div>
      )}
      <p>
        You can appeal a decision about you. People who did not take part in it review your appeal, and you see their answer
        here. Nobody else can open this page.
      </p>
      {props.cases.map((found) => (
        <section aria-labelledby={`case-${found.code}-${found.community}`}>
          {props.cases.length > 1 && <h2 id={`case-${found.code}-${found.community}`}>{`In ${found.community}`}</h2>}
          {found.decisions.length === 0 && found.appeals.length === 0 && <p>There is no decision about you in this case to appeal.</p>}
          {found.decisions.map((decision) => (
            <DecisionBlock decision={decision} appeal={found.appeals.find((a) => a.decisionKey === decision.key)} found={found} frame={props.frame} now={props.now} draft={props.draft} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

function DecisionBlock(props: { decision: AppealableDecision; appeal: AppealRow | undefined; found: CaseAppeals; frame: Frame; now: Date; draft?: AppealDraft }) {
  const { decision, appeal, found } = props;
  const headingId = `heading-${fieldId(decision.key)}`;
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId}>{capitalised(decisionInWords(decision).replaceAll("`", ""))}</h2>
      <dl class="facts">
        <dt>Decided</dt>
        <dd>{formatUtc(decision.decidedAt)}</dd>
        <dt>The committee's reason</dt>
        <dd>
          <blockquote>{decision.reason || "(none given)"}</blockquote>
        </dd>
      </dl>
      {appeal ? (
        <AppealStatus appeal={appeal} />
      ) : appealOpen(decision, props.now) ? (
        <AppealForm decision={decision} found={found} frame={props.frame} draft={props.draft?.decisionKey === decision.key ? props.draft : undefined} />
      ) : (
        <p>{`The time to appeal this decision ended on ${formatUtc(decision.until)}.`}</p>
      )}
    </article>
  );
}

function AppealForm(props: { decision: AppealableDecision; found: CaseAppeals; frame: Frame; draft?: AppealDraft }) {
  const id = fieldId(props.decision.key);
  const max = props.found.maxLength;
  return (
    <form method="post" action={`/appeal/${props.found.code}`}>
      <CsrfField token={props.frame.csrfToken} />
      <input type="hidden" name="decision" value={props.decision.key} />
      <label for={id}>
        Your appeal
        <span class="hint" id={`${id}-hint`}>
          {`Say why the decision should change. At most ${max} characters. You can appeal until ${formatUtc(props.decision.until)}, once.`}
        </span>
      </label>
      {props.draft && (
        <span class="field-error" id={`${id}-error`}>
          {props.draft.error}
        </span>
      )}
      <textarea
        id={id}
        name="appeal"
        rows={10}
        maxLength={max}
        required
        data-count={`${id}-count`}
        aria-describedby={`${id}-hint ${id}-count${props.draft ? ` ${id}-error` : ""}`}
        aria-invalid={props.draft ? "true" : undefined}
      >
        {props.draft?.text ?? ""}
      </textarea>
      <span class="count" id={`${id}-count`}></span>
      <button type="submit">Send the appeal</button>
    </form>
  );
}

const STATUS: Record<string, string> = {
  pending: "Waiting for review",
  upheld: "Reviewed: the decision stands",
  overturned: "Reviewed: the decision was overturned",
  modified: "Reviewed: the decision was replaced",
};

function AppealStatus(props: { appeal: AppealRow }) {
  const { appeal } = props;
  return (
    <div class="status" id={`appeal-${appealName(appeal.number)}`}>
      <h3>{`Your appeal ${appealName(appeal.number)}: ${STATUS[appeal.status] ?? appeal.status}`}</h3>
      <p>{`Filed ${formatUtc(appeal.filedAt)}.`}</p>
      <blockquote>{appeal.body}</blockquote>
      {appeal.answeredAt && (
        <>
          <p>
            {`Answered ${formatUtc(appeal.answeredAt)}`}
            {appeal.answerOutcome ? `; the decision is now ${appeal.answerOutcome}${appeal.answerTerms ? ` (${appeal.answerTerms})` : ""}` : ""}.
          </p>
          <p>The reviewers' reason:</p>
          <blockquote>{appeal.answerReason ?? ""}</blockquote>
        </>
      )}
    </div>
  );
}

/** A form field's id for a decision key (keys hold `:`, which ids may, but selectors and fragments read badly). */
export function fieldId(decisionKey: string): string {
  return `appeal-${decisionKey.replace(/[^A-Za-z0-9-]/g, "-")}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
