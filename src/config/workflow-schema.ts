/**
 * How the committee works a case: who decides and by what rule, who hears
 * what the committee cannot settle, how long each step may take, and what
 * the reporter and the public hear of a decision.
 *
 * ```yaml
 * committee:
 *   team: coc-committee
 *   quorum: unanimous
 *   escalation_team: coc-officers
 * deadlines:
 *   acknowledge: 24h
 *   resolve: 7d
 * decisions:
 *   reporter_feedback: 3d
 * ```
 *
 * Every key here is protected (read only from the owner's `.github`
 * repository): each one decides who sees a case or how fast it must move.
 * Durations are written as text and read as milliseconds
 * (`config.deadlines.acknowledge === 86_400_000`).
 */
import { z } from "zod";
import { duration, teamSlug } from "./fields.js";

/** How many of the committee's members who are not recused must agree to a decision. */
export const QUORUMS = ["unanimous", "majority", "two-thirds", "single"] as const;
export type Quorum = (typeof QUORUMS)[number];

/** What happens to a case about a committee member. */
export const MEMBER_INVOLVED = ["recuse", "escalate"] as const;
export type MemberInvolved = (typeof MEMBER_INVOLVED)[number];

/** What the app itself says in public about a decision. */
export const PUBLIC_NOTICES = ["none", "minimal"] as const;
export type PublicNotice = (typeof PUBLIC_NOTICES)[number];

export const committeeSchema = z
  .strictObject(
    {
      /**
       * Slug of the team whose members handle cases: acknowledge, decide and
       * resolve them with `/coc` commands in the cases repository.
       */
      team: teamSlug
        .default("coc-committee")
        .describe(
          "Slug of the team whose members handle cases with /coc commands in the cases repository.",
        ),
      /**
       * Counted over the members who are not recused, so a recusal never
       * blocks a decision by itself.
       */
      quorum: z
        .enum(QUORUMS)
        .default("unanimous")
        .describe(
          "How many committee members who are not recused must agree to a decision: unanimous (all of them), majority (more than half), two-thirds (at least two thirds) or single (any one).",
        ),
      /**
       * Absent means there is no one to escalate to: a deadlock is put back
       * to the committee instead. Not given by any preset: a team is found by
       * its slug, and a slug nobody created yet could be created by any
       * organization member, who would then read the cases sent to it.
       */
      escalation_team: teamSlug
        .optional()
        .describe(
          "Slug of the team that decides the cases escalated to it: deadlocks (see deadlines.deadlock), /coc escalate and, with member_involved: escalate, cases about a committee member. Leave it out when there is no such body.",
        ),
      /**
       * `recuse` keeps the case with the committee, without the member it is
       * about; `escalate` also hands it to the escalation team, for
       * committees too small to judge one of their own.
       */
      member_involved: z
        .enum(MEMBER_INVOLVED)
        .default("recuse")
        .describe(
          "A case about a committee member: recuse (that member is recused and the rest of the committee decides) or escalate (the escalation team decides; needs escalation_team).",
        ),
    },
    { error: "must be a mapping of committee settings" },
  )
  .superRefine((committee, ctx) => {
    if (committee.member_involved === "escalate" && committee.escalation_team === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["member_involved"],
        input: committee.member_involved,
        message: "can be escalate only when `committee.escalation_team` names a team",
      });
    }
  })
  .describe("The committee that handles cases, how it decides, and who it escalates to.");

export const deadlinesSchema = z
  .strictObject(
    {
      acknowledge: duration({ allowZero: false })
        .prefault("24h")
        .describe("How long after a case opens a committee member must acknowledge it."),
      resolve: duration({ allowZero: false })
        .prefault("7d")
        .describe(
          "How long after acknowledgement the committee has to decide; when it passes, the committee is reminded to tell the reporter where the case stands.",
        ),
      deadlock: duration({ allowZero: false })
        .prefault("7d")
        .describe(
          "How long a proposed decision may wait without enough agreement before the case goes to the escalation team (or, with none, back to the whole committee).",
        ),
      emergency_signoff: duration({ allowZero: false })
        .prefault("72h")
        .describe(
          "How long the committee has to review and sign off an emergency action one member took before the committee decided.",
        ),
    },
    { error: "must be a mapping of deadlines" },
  )
  .describe("Deadlines for each step of a case, as a number and a unit: 90m, 24h, 7d, 2w (m is minutes).");

export const decisionsSchema = z
  .strictObject(
    {
      /**
       * Some policies tell the reporter the decision before it is carried out
       * and let them comment; 0s means the decision is carried out at once.
       */
      reporter_feedback: duration({ allowZero: true })
        .prefault("0s")
        .describe(
          "How long the reporter may comment on a decision before it is carried out; 0s carries it out at once.",
        ),
      /**
       * Public outcomes the committee chose (a public reprimand, say) are
       * posted as the committee wrote them either way; this is only what the
       * app adds on its own.
       */
      public_notice: z
        .enum(PUBLIC_NOTICES)
        .default("none")
        .describe(
          "What the app itself says in public about a decision: none, or minimal (when a case closes with a breach of the code, a short fixed note in each thread whose content was reported that it was moderated under the Code of Conduct, naming no one and giving no reason).",
        ),
    },
    { error: "must be a mapping of decision settings" },
  )
  .describe("How decisions reach the reporter and the public.");
