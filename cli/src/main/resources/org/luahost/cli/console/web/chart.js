// A small line chart on a canvas: series of [time, value] points, a y axis from 0 with a few labels, a
// time axis of the last minutes. drawChart(canvas, [{name, color, points}]) also records the number of
// points drawn in canvas.dataset.points (the browser test reads it).
function drawChart(canvas, series) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, left = 52, right = 10, top = 10, bottom = 22;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  let tmin = Infinity, tmax = -Infinity, vmax = 0, n = 0;
  for (const s of series) for (const [t, v] of s.points) {
    tmin = Math.min(tmin, t); tmax = Math.max(tmax, t); vmax = Math.max(vmax, v); n++;
  }
  canvas.dataset.points = String(n);
  if (n === 0) {
    ctx.fillStyle = '#999'; ctx.font = '12px sans-serif'; ctx.fillText('no data yet', left + 10, h / 2);
    return;
  }
  if (tmax === tmin) tmin = tmax - 1000;
  vmax = niceMax(vmax);
  const x = t => left + (t - tmin) / (tmax - tmin) * (w - left - right);
  const y = v => h - bottom - v / vmax * (h - top - bottom);
  ctx.strokeStyle = '#e3e6eb'; ctx.fillStyle = '#666'; ctx.font = '11px sans-serif'; ctx.lineWidth = 1;
  for (let i = 0; i <= 4; i++) {
    const v = vmax * i / 4, yy = Math.round(y(v)) + 0.5;
    ctx.beginPath(); ctx.moveTo(left, yy); ctx.lineTo(w - right, yy); ctx.stroke();
    ctx.fillText(label(v), 4, yy + 4);
  }
  const secs = Math.round((tmax - tmin) / 1000);
  ctx.fillText('-' + secs + ' s', left, h - 6);
  ctx.fillText('now', w - right - 22, h - 6);
  for (const s of series) {
    ctx.strokeStyle = s.color; ctx.lineWidth = 2; ctx.beginPath();
    s.points.forEach(([t, v], i) => i ? ctx.lineTo(x(t), y(v)) : ctx.moveTo(x(t), y(v)));
    ctx.stroke();
  }
  let lx = left + 8;
  for (const s of series) {
    if (series.length < 2) break;
    ctx.fillStyle = s.color; ctx.fillRect(lx, top + 2, 10, 10);
    ctx.fillStyle = '#333'; ctx.fillText(s.name, lx + 14, top + 11); lx += 60;
  }
}

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

function label(v) {
  if (v >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (v >= 1e3) return (v / 1e3).toFixed(1) + 'k';
  return Number.isInteger(v) ? String(v) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}
