// The site's one stylesheet, in the spirit of the GOV.UK Design System: large targets, a yellow focus
// ring, fluid widths (readable at 400 % zoom, WCAG 2.2 SC 1.4.10) and no inline styles (CSP style-src 'self').
import { sha256Hex } from '../use-cases/tokens.js'

export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%;background:#f3f2f1}
body{margin:0;background:#fff;color:#0b0c0c;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;
  font-size:1.1875rem;line-height:1.45;overflow-wrap:break-word}
.width-container{max-width:60rem;margin:0 auto;padding:0 1rem}
@media (min-width:40.0625em){.width-container{padding:0 1.875rem}}
.skip-link{position:absolute;left:-9999em;top:0;padding:.75rem 1rem;background:#ffdd00;color:#0b0c0c;font-weight:700;
  text-decoration:underline;text-decoration-thickness:2px;z-index:10}
.skip-link:focus{left:0;outline:3px solid #0b0c0c;outline-offset:0}
a{color:#1d70b8;text-decoration:underline;text-decoration-thickness:max(1px,.0625rem);text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem)}
a:focus{outline:3px solid transparent;color:#0b0c0c;background-color:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;
  text-decoration:none}
.header{background:#0b0c0c;color:#fff;border-bottom:.625rem solid #1d70b8}
.header .width-container{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:baseline;padding-top:.75rem;
  padding-bottom:.75rem}
.header__council{font-size:1.5rem;font-weight:700;color:#fff;text-decoration:none}
a.header__council:visited,a.header__council:hover{color:#fff}
a.header__council:focus{color:#0b0c0c}
.header__service{font-size:1.1875rem;color:#fff}
.phase-banner{padding:.6rem 0;border-bottom:1px solid #b1b4b6;font-size:1rem}
.tag{display:inline-block;padding:.1rem .5rem;margin-right:.6rem;background:#1d70b8;color:#fff;font-weight:700;
  text-transform:uppercase;letter-spacing:.05em}
.main{display:block;padding:1.5rem 0 2.5rem}
@media (min-width:40.0625em){.main{padding:2.5rem 0 3.75rem}}
.main:focus{outline:none}
h1,.heading-xl{font-size:2rem;line-height:1.1;margin:0 0 1.875rem;font-weight:700}
@media (min-width:40.0625em){h1,.heading-xl{font-size:3rem}}
h2,.heading-l{font-size:1.5rem;line-height:1.2;margin:1.875rem 0 1rem;font-weight:700}
h3,.heading-m{font-size:1.1875rem;margin:1.25rem 0 .9rem;font-weight:700}
p,ul,ol{margin:0 0 1.25rem;max-width:40em}
.lead{font-size:1.5rem}
.caption{display:block;color:#505a5f;font-size:1.1875rem;margin-bottom:.3rem}
@media (min-width:40.0625em){.caption{font-size:1.5rem}}
.easy-read p,.easy-read li,.easy-read .radios__label,.easy-read .checkboxes__label,.easy-read .hint{font-size:1.375rem}
.easy-read legend{font-size:1.5rem}
.hint{display:block;color:#505a5f;margin-bottom:.9rem}
.inset{border-left:.625rem solid #b1b4b6;padding:1rem;margin:1.5rem 0;max-width:40em}
.panel{background:#00703c;color:#fff;padding:1.5rem;margin-bottom:1.5rem;text-align:center}
.panel h1{margin-bottom:.5rem}
.form-group{margin-bottom:1.875rem}
.form-group--error{border-left:5px solid #d4351c;padding-left:.9rem}
fieldset{margin:0;padding:0;border:0;min-width:0}
legend{box-sizing:border-box;display:table;max-width:100%;padding:0;white-space:normal;font-weight:700;
  font-size:1.25rem;line-height:1.3;margin-bottom:.6rem}
.legend--l{font-size:1.5rem}
label{display:block;font-weight:700;margin-bottom:.3rem}
.error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:.9rem}
.radios__item,.checkboxes__item{position:relative;display:block;min-height:2.5rem;margin-bottom:.6rem;
  padding-left:2.5rem;clear:left}
.radios__input,.checkboxes__input{position:absolute;z-index:1;top:-2px;left:-2px;width:2.75rem;height:2.75rem;
  margin:0;opacity:0;cursor:pointer}
.radios__label,.checkboxes__label{display:inline-block;font-weight:400;margin:0;padding:.5rem .9rem .3rem;
  cursor:pointer;touch-action:manipulation}
.radios__label::before,.checkboxes__label::before{content:"";position:absolute;top:0;left:0;width:2.5rem;
  height:2.5rem;border:2px solid currentColor;background:transparent}
.radios__label::before{border-radius:50%}
.radios__label::after{content:"";position:absolute;top:.625rem;left:.625rem;width:0;height:0;
  border:.625rem solid currentColor;border-radius:50%;opacity:0}
.checkboxes__label::after{content:"";position:absolute;top:.6875rem;left:.5625rem;width:1.4375rem;height:.625rem;
  transform:rotate(-45deg);border:solid currentColor;border-width:0 0 .3125rem .3125rem;border-top-color:transparent;
  opacity:0}
.radios__input:checked+.radios__label::after,.checkboxes__input:checked+.checkboxes__label::after{opacity:1}
.radios__input:focus+.radios__label::before,.checkboxes__input:focus+.checkboxes__label::before{border-width:4px;
  outline:3px solid transparent;outline-offset:1px;box-shadow:0 0 0 4px #ffdd00,0 0 0 7px #0b0c0c}
.radios__hint,.checkboxes__hint{padding-left:.9rem}
.textarea,.input{display:block;width:100%;max-width:40em;min-height:2.75rem;padding:.3rem;border:2px solid #0b0c0c;
  border-radius:0;font:inherit;color:inherit;background:#fff}
.textarea{min-height:8rem;resize:vertical}
.textarea:focus,.input:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.textarea--error,.input--error{border-color:#d4351c}
.button{display:inline-block;min-height:2.75rem;margin:0 0 1.5rem;padding:.5rem .75rem .45rem;
  border:2px solid transparent;border-radius:0;background:#00703c;color:#fff;box-shadow:0 2px 0 #002d18;font:inherit;
  font-size:1.1875rem;line-height:1.2;text-align:center;text-decoration:none;cursor:pointer}
.button:hover{background:#005a30}
.button:focus{outline:3px solid transparent;border-color:#ffdd00;background:#ffdd00;color:#0b0c0c;
  box-shadow:inset 0 0 0 1px #ffdd00,0 2px 0 #0b0c0c}
.button--secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.error-summary{margin-bottom:1.875rem;padding:1rem;border:5px solid #d4351c}
.error-summary:focus{outline:3px solid #ffdd00;outline-offset:0}
.error-summary h2{margin-top:0}
.error-summary ul{list-style:none;padding:0;margin:0}
.error-summary a{color:#d4351c;font-weight:700}
.error-summary a:focus{color:#0b0c0c}
.table{width:100%;border-collapse:collapse;margin-bottom:1.875rem}
.table th,.table td{padding:.6rem 1.25rem .6rem 0;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;
  padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;
  border:0!important;white-space:nowrap!important}
.footer{border-top:1px solid #b1b4b6;background:#f3f2f1;color:#0b0c0c;padding:1.5rem 0 1.875rem;font-size:1rem}
.footer a{color:#0b0c0c}
@media (forced-colors:active){.radios__label::after,.checkboxes__label::after{border-color:CanvasText}
  .button{border-color:ButtonText}}
`.trim()

/** Strong validator for If-None-Match and the version in the stylesheet's URL. */
export const SITE_CSS_ETAG = `"${sha256Hex(SITE_CSS).slice(0, 16)}"`

/** The stylesheet's URL; the version query lets browsers cache it for a year and still see changes. */
export const SITE_CSS_HREF = `/assets/site.css?v=${SITE_CSS_ETAG.slice(1, 9)}`
