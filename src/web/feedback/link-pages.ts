// Kind explanation pages for feedback links that cannot be used (unknown 404; used, expired, revoked, closed 410)
// and the thank-you page after a response (README: Feedback from people who use services: "never a stack trace").
import { html } from '../html.js'
import { renderPage, type Page } from '../legacy-layout.js'
import { messageView, type Message } from '../plugin.js'
import type { MessageView } from '../views.js'

const ASK_AGAIN = 'If you still want to give your views, ask the person who gave you the link for a new one.'

/** Keyed by the DomainError code the use case throws. */
const LINK_PAGES: Record<string, { status: number; page: Message }> = {
  NOT_FOUND: {
    status: 404,
    page: {
      title: 'We cannot find this feedback form',
      paragraphs: [
        'The link may have been typed or copied wrongly. Check it against the link you were given.',
        ASK_AGAIN
      ]
    }
  },
  FEEDBACK_LINK_USED: {
    status: 410,
    page: {
      title: 'Answers have already been sent with this link',
      paragraphs: [
        'Each link can only be used once. Thank you for your time.',
        'If you did not send the answers, tell the person who gave you the link. They can give you a new one.'
      ]
    }
  },
  FEEDBACK_LINK_EXPIRED: {
    status: 410,
    page: { title: 'This feedback link has expired', paragraphs: ['Links only work for a few weeks.', ASK_AGAIN] }
  },
  FEEDBACK_LINK_REVOKED: {
    status: 410,
    page: { title: 'This feedback link no longer works', paragraphs: ['The council has cancelled it.', ASK_AGAIN] }
  },
  FEEDBACK_LINK_CLOSED: {
    status: 410,
    page: {
      title: 'This survey has closed',
      paragraphs: ['The council has finished collecting views about this service. Thank you for wanting to help.']
    }
  }
}

export function linkProblemPage (code: string): { status: number; view: MessageView } | undefined {
  const known = LINK_PAGES[code]
  return known === undefined ? undefined : { status: known.status, view: messageView(known.page) }
}

export function renderThankYou (opts: { councilName: string | null; easyRead: boolean }): Page {
  const body = opts.easyRead
    ? html`<div class="easy-read">
        <div class="panel">
          <h1>Thank you</h1>
          <p>We have your answers.</p>
        </div>
        <h2>What happens next</h2>
        <p>The council will read the answers from lots of people.</p>
        <p>This helps them decide if the service is good.</p>
        <p>The service will not see your own answers.</p>
        <p>If you ticked the box about a worry, we will tell the council. If someone is in danger now, call 999.</p>
        <p>You can close this page now.</p>
      </div>`
    : html`<div class="panel">
          <h1>Thank you</h1>
          <p>Your answers have been sent.</p>
        </div>
        <h2>What happens next</h2>
        <p>
          ${opts.councilName ?? 'The council'} will use your answers, together with other people's, to decide the
          provider's Quality Mark. The provider will only see totals from 3 or more people, never your own answers.
        </p>
        <p>
          If you ticked the box about a worry, we will tell the council's safeguarding team. If someone is in danger
          now, call 999.
        </p>
        <p>You can now close this page.</p>`
  return renderPage({ title: 'Thank you', councilName: opts.councilName, body })
}
