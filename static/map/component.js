/*
 The app's map, mounted in the page itself rather than in an iframe: no frame
 to open and no second copy of the page's scripts, so the first marker shows
 soon after the page. Leaflet, markercluster, markers.js and backdrop.js load
 once per page from the app's static files; each rerun hands over compact
 marker rows, and the map stays open while only what changed is redrawn.

 data: {
   assets:   {css: [url, ...], js: [[url, ...], ...]}   script groups load in order
   height:   pixels for the map and its legend, or a CSS length for the map alone, that follows
             the window ("calc(100vh - 300px)"), never under minHeight pixels
   view:     [[south, west], [north, east]] or null; maxZoom: the closest zoom that view may open at
   tiles:    {url, attribution, maxZoom}
   backdrop: {outlinesUrl, labels, options}              see backdrop.js
   rows:     JSON text of the marker rows; options: their options   see markers.js
   clickable: whether a click on a marker is sent back
   reportDrawn: when set (a token of the session), send back "drawn" once the markers are painted (or the
             scripts failed)
 }
 The legend is drawn under the map, outside it, so that it never covers a
 marker; it starts folded on a small screen.
 Sends back the triggers "clicked" (the clicked actor's id) and "drawn" (when asked, after the first paint:
 the page then draws what waited for the map).
 Released under the project's MIT licence.
*/
// Shared with the loader the page's HTML may have started (`ecosystem/shell.py`): a file asked for there is not
// asked for again.
const loading = (window.ecosystemAssets = window.ecosystemAssets || new Map());

function loadOnce(url, create) {
  if (!loading.has(url)) {
    loading.set(
      url,
      new Promise((resolve, reject) => {
        const element = create(url);
        element.onload = resolve;
        element.onerror = () => reject(new Error("could not load " + url));
        document.head.appendChild(element);
      })
    );
  }
  return loading.get(url);
}

function loadScript(url) {
  return loadOnce(url, (src) => Object.assign(document.createElement("script"), { src, async: false }));
}

function loadStyle(url) {
  return loadOnce(url, (href) => Object.assign(document.createElement("link"), { rel: "stylesheet", href }));
}

async function loadAssets(assets) {
  const styles = Promise.all(assets.css.map(loadStyle));
  for (const group of assets.js) await Promise.all(group.map(loadScript));
  await styles;
}

const outlines = new Map();

function loadOutlines(url) {
  if (!outlines.has(url)) outlines.set(url, fetch(url).then((response) => response.json()));
  return outlines.get(url);
}

function createMap(container, data) {
  const map = L.map(container, { zoomControl: true, preferCanvas: false });
  L.control.scale({ imperial: false }).addTo(map);
  L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: data.tiles.maxZoom }).addTo(map);
  if (data.backdrop) {
    // The backdrop comes in under the markers when its outlines arrive; the markers do not wait for it.
    loadOutlines(data.backdrop.outlinesUrl)
      .then((geojson) => L.ecosystemBackdrop(map, geojson, data.backdrop.labels, data.backdrop.options))
      .catch(() => L.ecosystemBackdrop(map, { type: "FeatureCollection", features: [] }, data.backdrop.labels, data.backdrop.options));
  }
  return map;
}

function fitView(map, data) {
  if (data.view) map.fitBounds(data.view, data.maxZoom ? { maxZoom: data.maxZoom } : {});
  else map.fitWorld(); // no actor has a position: nothing to frame
}

function draw(state, data) {
  const map = state.map;
  const viewKey = JSON.stringify([data.view, data.maxZoom]);
  if (viewKey !== state.viewKey) {
    fitView(map, data);
    state.viewKey = viewKey;
  }
  const selected = data.options.selected;
  const layerKey = data.rows + JSON.stringify(Object.assign({}, data.options, { selected: null }));
  if (layerKey === state.layerKey) {
    if (state.layer) state.layer.selectId(selected);
    return;
  }
  if (state.layer) map.removeLayer(state.layer);
  state.layer = L.ecosystemMarkers(JSON.parse(data.rows), Object.assign({}, data.options, { legendControl: false }));
  drawLegend(state, data.options);
  state.layer.on("click", (event) => {
    if (state.clickable && event.layer && event.layer.options.id != null) state.send("clicked", event.layer.options.id);
  });
  state.layer.addTo(map);
  state.layerKey = layerKey;
}

// The legend under the map; a reader's folding is kept when the markers change.
function drawLegend(state, options) {
  const strip = state.legendStrip;
  const before = strip.querySelector(".ecosystem-legend");
  const open = before ? before.open : window.innerWidth >= 640;
  strip.replaceChildren();
  if (options.legend && options.legend.length) strip.appendChild(L.ecosystemLegend(options, open));
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let container = parentElement.querySelector(".ecosystem-map");
  if (!container) {
    container = document.createElement("div");
    container.className = "ecosystem-map";
    const canvas = container.appendChild(document.createElement("div"));
    canvas.className = "ecosystem-map-canvas";
    const strip = container.appendChild(document.createElement("div"));
    strip.className = "ecosystem-map-legend";
    strip.style.padding = "6px 2px 0";
    parentElement.appendChild(container);
  }
  const canvas = container.firstChild;
  if (typeof data.height === "number") {
    // A height in pixels holds the map and its legend: the map takes what the legend leaves.
    Object.assign(container.style, { height: data.height + "px", display: "flex", flexDirection: "column" });
    Object.assign(canvas.style, { height: "auto", minHeight: "0", flex: "1 1 auto" });
  } else {
    // A height that follows the window is the map's own; the legend comes under it.
    Object.assign(container.style, { height: "", display: "block" });
    Object.assign(canvas.style, { height: data.height, minHeight: (data.minHeight || 0) + "px", flex: "" });
  }
  const state = container.ecosystemMap || (container.ecosystemMap = {});
  state.legendStrip = container.lastChild;
  state.send = setTriggerValue;
  state.clickable = !!data.clickable;
  loadAssets(data.assets)
    .then(() => {
      if (!state.map) {
        state.map = createMap(canvas, data);
        // The map follows its element's size (the window's height, a card opening beside it).
        state.resize = new ResizeObserver(() => state.map && state.map.invalidateSize());
        state.resize.observe(canvas);
      }
      draw(state, data);
      container.dataset.ready = "true";
    })
    .catch((error) => {
      canvas.textContent = String(error.message || error); // a script failed to load: say which
    })
    .then(() => {
      // After the next frame: the markers are on screen before the page runs again.
      // The session's token as the value: a report to a new session is never taken for one already sent.
      if (data.reportDrawn) requestAnimationFrame(() => setTimeout(() => setTriggerValue("drawn", data.reportDrawn), 0));
    });
  // Called when the element leaves the page (and sometimes between two reruns): free the map only once it is gone.
  return () =>
    setTimeout(() => {
      if (!container.isConnected && state.map) {
        if (state.resize) state.resize.disconnect();
        state.map.remove();
        state.map = state.layer = state.layerKey = state.viewKey = null;
      }
    }, 0);
}
