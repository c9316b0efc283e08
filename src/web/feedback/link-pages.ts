// Kind explanation pages for feedback links that cannot be used (unknown 404; used, expired, revoked, closed 410)
// and the thank-you page after a response (README: Feedback from people who use services: "never a stack trace").
import type { CouncilSummary } from '../../use-cases/publication/public-councils.js'
import { layoutOf, type PageView } from '../layout.js'
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

export interface ThankYouView extends PageView {
  easyRead: boolean
  councilName: string
}

declare module '../views.js' {
  interface PageViews {
    'thank-you': ThankYouView
  }
}

export const thankYouView = (council: CouncilSummary | null, easyRead: boolean): ThankYouView => ({
  layout: layoutOf({ title: 'Thank you', council }),
  easyRead,
  councilName: council?.name ?? 'The council'
})
