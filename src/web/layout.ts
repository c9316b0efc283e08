// What the layout (src/web/views/layout.njk) shows around every page, worked out here so the template only
// prints it: the <title>, the council in the header and its brand stylesheet, and the footer sentence.
import { brandColourOrDefault } from '../domain/branding.js'
import { brandStylesheetHref } from './brand-stylesheet.js'

export const SERVICE_NAME = 'Quality Mark'

/** The council a page belongs to, as the pages need it. */
export interface PageCouncil {
  name: string
  slug: string
  brandColour?: string | null | undefined
}

export interface LayoutInput {
  /** The page's own heading-like title; the <title> adds the service and council. */
  title: string
  /** The council running the scheme; null on pages that do not know it (e.g. an unknown link). */
  council?: PageCouncil | null | undefined
  /** True when the page shows an error summary: GOV.UK puts "Error: " first in the title. */
  hasErrors?: boolean | undefined
  /** Language of the main content (BCP 47); English unless a page says otherwise. */
  lang?: string | undefined
  /** Links in the service navigation (e.g. signed-in pages). */
  navigation?: readonly NavigationItem[] | undefined
  /** The printable version: no header, navigation or footer (the print stylesheet hides them anyway). */
  printable?: boolean | undefined
}

export interface NavigationItem {
  href: string
  text: string
  active?: boolean
}

export interface LayoutView {
  pageTitle: string
  serviceName: string
  council: { name: string; homeHref: string } | null
  brandStylesheet: string | null
  themeColour: string
  footerText: string
  /** The accessibility statement and privacy notice: the council's own, or the service's list of them. */
  footerLinks: readonly NavigationItem[]
  printable: boolean
  mainLang: string
  navigation: readonly NavigationItem[]
}

/** Every page's view model carries its layout. */
export interface PageView {
  layout: LayoutView
}

export function footerText (councilName: string | null): string {
  const purpose = 'shows which local care and support services meet the council’s quality standards.'
  return councilName === null
    ? `${SERVICE_NAME} ${purpose}`
    : `${SERVICE_NAME} is run by ${councilName}. It ${purpose}`
}

/** Every footer links the statements a council service must publish (README: Pages, council pages). */
export function footerLinks (slug: string | null): NavigationItem[] {
  const base = slug === null ? '' : `/directory/${slug}`
  return [
    { href: `${base}/accessibility`, text: 'Accessibility statement' },
    { href: `${base}/privacy`, text: 'Privacy notice' }
  ]
}

export function layoutOf (o: LayoutInput): LayoutView {
  const council = o.council ?? null
  const title = [o.title, SERVICE_NAME, council?.name].filter((p): p is string => p !== undefined && p !== '')
  const colour = brandColourOrDefault(council?.brandColour)
  return {
    pageTitle: `${o.hasErrors === true ? 'Error: ' : ''}${title.join(' – ')}`,
    serviceName: SERVICE_NAME,
    council: council === null ? null : { name: council.name, homeHref: `/directory/${council.slug}` },
    brandStylesheet: council === null ? null : brandStylesheetHref(colour),
    themeColour: colour,
    footerText: footerText(council?.name ?? null),
    footerLinks: footerLinks(council?.slug ?? null),
    printable: o.printable === true,
    mainLang: o.lang ?? 'en',
    navigation: o.navigation ?? []
  }
}
