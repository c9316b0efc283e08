// The directory search page: a GET form (works without JavaScript) filtering by text, level, offering, client
// group and area; results with their mark, valid-until and small-sample note; numbered pagination.
import type { DirectoryQuery } from '../../use-cases/publication/directory.js'
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { AWARD_LEVELS } from '../../domain/scheme/enums.js'
import { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'
import { html, type Html } from '../html.js'
import { renderPage, type Page } from '../legacy-layout.js'
import { groupsText, markOf, offeringsText } from './listing-parts.js'

export interface SearchView {
  council: PublicCouncil
  query: DirectoryQuery
  items: Listing[]
  totalItems: number
  totalPages: number
  areas: string[]
}

function select (
  name: keyof DirectoryQuery,
  label: string,
  options: Array<[string, string]>,
  chosen: string | undefined
): Html {
  return html`<div class="form-group">
    <label for="filter-${name}">${label}</label>
    <select class="input" id="filter-${name}" name="${name}">
      <option value="">Any</option>
      ${options.map(([value, text]) =>
        html`<option value="${value}" ${value === chosen ? html` selected` : ''}>${text}</option>`)}
    </select>
  </div>`
}

const hrefOf = (slug: string, query: DirectoryQuery, page: number): string => {
  const params = new URLSearchParams()
  for (const k of ['q', 'level', 'offering', 'group', 'area'] as const) {
    if (query[k] !== undefined) params.set(k, query[k])
  }
  if (page > 1) params.set('page', String(page))
  const s = params.toString()
  return `/directory/${slug}${s === '' ? '' : `?${s}`}`
}

function pagination (v: SearchView): Html {
  if (v.totalPages <= 1) return html``
  const page = v.query.page
  return html`<nav aria-label="Pagination">
    <p>Page ${page} of ${v.totalPages}</p>
    <ul>
      ${page > 1
        ? html`<li><a href="${hrefOf(v.council.slug, v.query, page - 1)}" rel="prev">Previous page</a></li>`
        : ''}
      ${page < v.totalPages
        ? html`<li><a href="${hrefOf(v.council.slug, v.query, page + 1)}" rel="next">Next page</a></li>`
        : ''}
    </ul>
  </nav>`
}

export function renderSearchPage (v: SearchView): Page {
  const q = v.query
  return renderPage({
    title: 'Find a quality-marked care service',
    councilName: v.council.name,
    homeHref: `/directory/${v.council.slug}`,
    body: html`<h1>Find a quality-marked care service</h1>
      <p class="lead">Care and support services that hold ${v.council.name}'s gold, silver or bronze Quality Mark.</p>
      <form method="get" action="/directory/${v.council.slug}" role="search" aria-label="Filter services">
        <div class="form-group">
          <label for="filter-q">Search by name, description or place</label>
          <input class="input" id="filter-q" name="q" type="search" value="${q.q ?? ''}" maxlength="100" />
        </div>
        ${select(
          'level',
          'Quality Mark level',
          [...AWARD_LEVELS].reverse().map((l) => [l, LEVEL_NAMES[l]]),
          q.level
        )}
        ${select('offering', 'Type of service', Object.entries(SERVICE_TYPE_NAMES), q.offering)}
        ${select('group', 'Who it supports', Object.entries(CLIENT_GROUP_NAMES), q.group)}
        ${select(
          'area',
          'Area',
          v.areas.map((a) => [a, a]),
          q.area
        )}
        <button type="submit" class="button">Apply filters</button>
      </form>
      <h2 id="results">${v.totalItems === 1 ? '1 service found' : `${v.totalItems} services found`}</h2>
      ${v.items.length === 0 ? html`<p>No services match these filters. Try removing a filter.</p>` : ''}
      <ul aria-labelledby="results">
        ${v.items.map(
          (l) =>
            html`<li>
              <h3><a href="/directory/${v.council.slug}/providers/${l.providerId}">${l.name}</a></h3>
              ${markOf(l)}
              <p>${l.area}. ${offeringsText(l)}. Supports: ${groupsText(l)}.</p>
            </li>`
        )}
      </ul>
      ${pagination(v)}`
  })
}
