// The public verification page a badge links to: states the award's truth today in plain words, so a mark on a
// leaflet can be checked (src/domain/README.md: Badge). Never the reason for a suspension (src/domain/README.md:
// Publication).
import type { AwardTruth } from '../../use-cases/publication/award-truth.js'
import { isCurrentMark, longDate, publicStatusOf } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { html } from '../html.js'
import { renderPage, type Page } from '../legacy-layout.js'
import { lapsedWord } from './badge-svg.js'

export function renderVerifyPage (truth: AwardTruth, today: Date): Page {
  const { listing: l, council } = truth
  const mark = `${LEVEL_NAMES[l.award.level]} Quality Mark`
  const current = isCurrentMark(l)
  const status = lapsedWord(l.award.status).toLowerCase()
  const replaced = truth.currentAwardId !== l.award.id
  const verdict = current
    ? html`<div class="panel">
        <h1>${l.name} holds a ${mark}</h1>
        <p>from ${council.name}, valid until ${longDate(l.award.validTo)}</p>
      </div>`
    : html`<h1>This ${mark} is not current</h1>
        <div class="inset">
          <p><strong>${l.name}</strong> does not hold this mark any more: it is <strong>${status}</strong>.</p>
          ${replaced
            ? html`<p>It was replaced by a newer award: ${''
              }<a href="/verify/${truth.currentAwardId}">check the current award</a>.</p>`
            : ''}
        </div>`
  return renderPage({
    title: current ? `${l.name}: ${mark}` : `${mark} not current`,
    councilName: council.name,
    homeHref: `/directory/${council.slug}`,
    body: html`${verdict}
      <h2>Details of this award</h2>
      <table class="table">
        <caption class="visually-hidden">
          The award as recorded by ${council.name}
        </caption>
        <tbody>
          <tr>
            <th scope="row">Service</th>
            <td>${l.name}, ${l.area}</td>
          </tr>
          <tr>
            <th scope="row">Level</th>
            <td>${LEVEL_NAMES[l.award.level]}</td>
          </tr>
          <tr>
            <th scope="row">Status</th>
            <td>${current ? 'Current' : status.charAt(0).toUpperCase() + status.slice(1)}</td>
          </tr>
          <tr>
            <th scope="row">Valid from</th>
            <td>${longDate(l.award.validFrom)}</td>
          </tr>
          <tr>
            <th scope="row">Valid until</th>
            <td>${longDate(l.award.validTo)}</td>
          </tr>
          ${
            publicStatusOf(l.award.status) !== 'active'
              ? html`<tr>
                  <th scope="row">Status changed</th>
                  <td>${longDate(l.award.updatedAt)}</td>
                </tr>`
              : ''
          }
          <tr>
            <th scope="row">Award reference</th>
            <td>${l.award.id}</td>
          </tr>
        </tbody>
      </table>
      <p>Checked on ${longDate(today)} against ${council.name}'s records.</p>
      ${l.award.smallSample ? html`<p>This award was based on feedback from a small number of people.</p>` : ''}
      <p>
        <a href="/directory/${council.slug}/providers/${l.providerId}"
          >See ${l.name} in the ${council.name} directory</a
        >
      </p>`
  })
}
