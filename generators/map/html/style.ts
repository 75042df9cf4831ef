/** The site's stylesheet, inlined into every page. */
export const SITE_CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--line:#d6dbe1;--accent:#3b6fd8;--bg:#fff;--soft:#f5f7fa}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;gap:1rem;align-items:center;padding:.6rem 1.2rem;border-bottom:1px solid var(--line);background:var(--soft);position:sticky;top:0}
header .home{font-weight:600;text-decoration:none;color:var(--fg)}
.search{position:relative;flex:1;max-width:36rem}#q{width:100%;padding:.35rem .6rem;border:1px solid var(--line);border-radius:6px;font:inherit}
#results{position:absolute;left:0;right:0;margin:2px 0 0;padding:.3rem 0;list-style:none;background:#fff;border:1px solid var(--line);border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.12);max-height:60vh;overflow:auto;z-index:2}
#results li{padding:.2rem .7rem}#results .kind{display:inline-block;min-width:5.5rem;color:var(--muted);font-size:.8em}
main{padding:1rem 1.2rem 3rem;max-width:80rem}h1{font-size:1.5rem;margin:.4rem 0 .8rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
a{color:var(--accent)}table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:var(--soft)}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}pre{background:var(--soft);padding:.7rem;border-radius:6px;overflow:auto;max-height:32rem}
.muted{color:var(--muted)}.badge{display:inline-block;padding:0 .4rem;border-radius:4px;background:var(--soft);border:1px solid var(--line);font-size:.8em;margin-left:.3rem}
.warn{background:#fff6e0;border-color:#e0b040}.figure{overflow:auto;border:1px solid var(--line);border-radius:8px;padding:.6rem;background:#fcfdff}
ul.plain{padding-left:1.2rem}.figure svg{max-width:100%;height:auto}
svg.map .node rect,svg.map .node polygon{fill:#eef4ff;stroke:#3b6fd8;stroke-width:1.5}
svg.map .node.saga polygon,svg.map .node.saga rect{fill:#fff6e0;stroke:#c98a00}
svg.map .node.step rect{fill:#f3f6f9;stroke:#7a8794}svg.map .node.pivot polygon{fill:#fff6e0;stroke:#c98a00}
svg.map .node.compensation rect{fill:#fdf0f0;stroke:#c66}
svg.map .node-label{font:600 13px system-ui,sans-serif;text-anchor:middle;fill:#1b1f24}
svg.map .node-sub{font:11px system-ui,sans-serif;text-anchor:middle;fill:#5b6470}
svg.map .edge polyline{fill:none;stroke:#6c7a89;stroke-width:1.4}svg.map .edge.call polyline{stroke:#c98a00;stroke-width:2.2}
svg.map .edge.runs polyline,svg.map .edge.compensation polyline{stroke-dasharray:4 3}
svg.map .arrowhead{fill:#6c7a89}svg.map .edge-label{font:11px ui-monospace,Menlo,monospace;fill:#38424c}
svg.map a:hover rect,svg.map a:hover polygon{stroke-width:3}
`;
