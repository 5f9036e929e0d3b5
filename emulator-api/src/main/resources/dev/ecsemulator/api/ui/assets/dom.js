// Building DOM without markup: every piece of data becomes a text node or an attribute value, never HTML.
// (No markup is ever parsed from a string anywhere in the dashboard: what the API says is shown, never interpreted.)

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function setProps(el, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') {
      throw new Error('dom.js sets no ' + name + ' attribute: handlers go in "on", styles in CSS');
    } else if (name === 'value') {
      el.value = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  return el;
}

/** An HTML element: h('td', {class: 'x'}, 'text', child, [more]). Strings are text. */
export function h(tag, props, ...children) {
  return append(setProps(document.createElement(tag), props), children);
}

/** An SVG element, likewise. */
export function svg(tag, props, ...children) {
  return append(setProps(document.createElementNS(SVG_NS, tag), props), children);
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
