// One provider's directory page: its public details, current mark (with badge and verification link) and past awards.
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { longDate, publicStatusOf } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { html } from '../html.js'
import { renderPage, type Page } from '../legacy-layout.js'
import { groupsText, markOf, offeringsText } from './listing-parts.js'

export function renderProviderPage (council: PublicCouncil, l: Listing, pastAwards: Array<Listing['award']>): Page {
  const price = l.hourlyPricePence === null ? 'Ask the provider' : `£${(l.hourlyPricePence / 100).toFixed(2)} an hour`
  return renderPage({
    title: l.name,
    councilName: council.name,
    homeHref: `/directory/${council.slug}`,
    body: html`<p><a href="/directory/${council.slug}">Back to all services</a></p>
      <h1>${l.name}</h1>
      ${markOf(l)}
      <p>
        <img
          src="/badges/${l.award.id}.svg"
          alt="${LEVEL_NAMES[l.award.level]} Quality Mark badge"
          width="320"
          height="104"
        />
      </p>
      <p><a href="/verify/${l.award.id}">Check this Quality Mark</a></p>
      <p>${l.description}</p>
      <table class="table">
        <caption class="visually-hidden">
          About ${l.name}
        </caption>
        <tbody>
          <tr>
            <th scope="row">Area</th>
            <td>${l.area} (${l.postcode})</td>
          </tr>
          <tr>
            <th scope="row">Services</th>
            <td>${offeringsText(l)}</td>
          </tr>
          <tr>
            <th scope="row">Who it supports</th>
            <td>${groupsText(l)}</td>
          </tr>
          <tr>
            <th scope="row">Price</th>
            <td>${price}</td>
          </tr>
          <tr>
            <th scope="row">Contact</th>
            <td>
              ${[l.contact.phone, l.contact.email, l.contact.website, l.contact.route]
                .filter((x) => x !== undefined && x !== '')
                .join('. ') || 'Through the council'}
            </td>
          </tr>
        </tbody>
      </table>
      ${
        pastAwards.length === 0
          ? ''
          : html`<h2>Earlier awards</h2>
              <ul>
                ${pastAwards.map((a) => html`<li>${LEVEL_NAMES[a.level]}, ${longDate(a.validFrom)} to ${
                  longDate(a.validTo)
                } (${publicStatusOf(a.status)})</li>`)}
              </ul>`
      }`
  })
}
