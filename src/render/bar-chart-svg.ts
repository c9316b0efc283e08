// A plain horizontal bar chart as an SVG string for committee papers (README: Reports): <title> and <desc> for screen
// readers, every bar labelled in text with its value (colour is never the only carrier: WCAG 2.2 SC 1.4.1),
// no script. Every piece of text is escaped by the shared html template (escape-html), which is valid XML escaping.
import { html, joinHtml, type Html } from './html.js'

export interface ChartBar {
  label: string
  value: number
  /** What is written after the bar, e.g. "50% (29 of 58)". */
  text: string
}

export interface ChartGroup {
  heading: string
  bars: ChartBar[]
  /** The group's scale; a negative minimum draws bars either side of a zero line (e.g. gain G). */
  min: number
  max: number
}

export interface BarChart {
  title: string
  /** A second heading line, e.g. which groups are compared. */
  subtitle: string
  description: string
  groups: ChartGroup[]
  /** Shown under the chart, e.g. the test result or which groups were hidden. */
  notes: string[]
}

const WIDTH = 900
const LABEL_X = 16
const BAR_X = 230
const BAR_WIDTH = 320
const ROW = 24
const FONT = 'Arial, Helvetica, sans-serif'
// Dark fills on white keep a contrast ratio above 3:1 for graphics (WCAG 2.2 SC 1.4.11); text stays #0b0c0c.
const FILLS = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#505a5f']

const text = (x: number, y: number, content: string, { size = 13, bold = false } = {}): Html =>
  html`<text
    x="${x}"
    y="${y}"
    font-family="${FONT}"
    font-size="${size}"
    font-weight="${bold ? 700 : 400}"
    fill="#0b0c0c"
    >${content}</text
  >`

function renderGroup (
  group: ChartGroup,
  top: number,
  fillOf: (label: string) => string
): { svg: Html; height: number } {
  const span = group.max - group.min || 1
  const xOf = (v: number) => BAR_X + ((Math.min(Math.max(v, group.min), group.max) - group.min) / span) * BAR_WIDTH
  const zero = xOf(0)
  const parts: Html[] = [text(LABEL_X, top + 16, group.heading, { bold: true })]
  group.bars.forEach((bar, i) => {
    const y = top + ROW * (i + 1)
    const end = xOf(bar.value)
    const left = Math.min(zero, end)
    parts.push(text(LABEL_X + 12, y + 16, bar.label))
    parts.push(
      html`<rect
        x="${left.toFixed(1)}"
        y="${y + 4}"
        width="${Math.max(Math.abs(end - zero), 1).toFixed(1)}"
        height="${ROW - 8}"
        fill="${fillOf(bar.label)}"
      />`
    )
    parts.push(text(Math.round(Math.max(zero, end) + 6), y + 16, bar.text))
  })
  if (group.min < 0) {
    parts.push(
      html`<line
        x1="${zero.toFixed(1)}"
        x2="${zero.toFixed(1)}"
        y1="${top + ROW}"
        y2="${top + ROW * (group.bars.length + 1)}"
        stroke="#0b0c0c"
      />`
    )
  }
  return { svg: joinHtml(parts, html`  `), height: ROW * (group.bars.length + 1) + 12 }
}

// SVG text does not wrap: a note is cut into lines that fit the chart's width at 12px (about 6.5px a character).
const NOTE_CHARACTERS = 130

function wrapNote (note: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of note.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > NOTE_CHARACTERS) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return [...lines, line]
}

export function renderBarChart (chart: BarChart): string {
  // One colour per series (e.g. "Micro providers") across the whole chart, whichever groups are shown.
  const series = [...new Set(chart.groups.flatMap((g) => g.bars.map((b) => b.label)))]
  const fillOf = (label: string) => FILLS[series.indexOf(label) % FILLS.length] as string
  let y = 66
  const groups: Html[] = []
  for (const group of chart.groups) {
    const { svg, height } = renderGroup(group, y, fillOf)
    groups.push(svg)
    y += height
  }
  const lines = chart.notes.flatMap(wrapNote)
  const notes = lines.map((line, i) => text(LABEL_X, y + 8 + i * 20, line, { size: 12 }))
  const height = y + 16 + lines.length * 20
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    width="${WIDTH}"
    height="${height}"
    viewBox="0 0 ${WIDTH} ${height}"
    role="img"
    aria-labelledby="chart-title chart-desc"
  >
    <title id="chart-title">${chart.title} (${chart.subtitle})</title>
    <desc id="chart-desc">${chart.description}</desc>
    <rect width="100%" height="100%" fill="#ffffff" />
    ${text(LABEL_X, 26, chart.title, { size: 16, bold: true })} ${text(LABEL_X, 48, chart.subtitle, { size: 14 })}
    ${joinHtml(groups, html`  `)} ${joinHtml(notes, html`  `)}
  </svg> `.value
}
