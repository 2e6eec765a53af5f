// Drives the luahost web console in Debian's headless Chromium (run by ConsoleBrowserTest, which starts
// `luahost serve` and creates the sessions). Environment: CONSOLE_URL (http://127.0.0.1:PORT), ADMIN_TOKEN,
// USER_TOKEN, SHOTS (where the screenshots go), CHROMIUM (the browser), PROFILE (a fresh user-data dir).
// Every check that fails throws: the process exits with 1 and the message says what was not seen.
import { chromium } from 'playwright-core';

const url = process.env.CONSOLE_URL, shots = process.env.SHOTS;
const step = m => console.log('ok: ' + m);
function check(cond, what) { if (!cond) throw new Error('not seen: ' + what); }

const context = await chromium.launchPersistentContext(process.env.PROFILE, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(15000);
  const logs = [];
  page.on('console', m => logs.push(m.type() + ': ' + m.text()));
  page.on('pageerror', e => logs.push('page error: ' + e.message));

  // a wrong token is refused; the user token signs in without eval
  await page.goto(url + '/console/');
  await page.fill('#token', 'not-the-token');
  await page.click('#login-button');
  await page.waitForSelector('#login-error:has-text("wrong or missing token")');
  step('a wrong token is refused');
  await page.fill('#token', process.env.USER_TOKEN);
  await page.click('#login-button');
  await page.waitForSelector('#who:has-text("user")');
  await page.goto(url + '/console/#/session/alpha');
  await page.waitForSelector('#globals .k');
  check(await page.isHidden('#eval'), 'eval hidden from the user token');
  step('the user token signs in; no eval box for it');
  await page.evaluate(() => sessionStorage.clear());

  // the admin signs in and sees the sessions the test made
  await page.goto(url + '/console/');
  await page.fill('#token', process.env.ADMIN_TOKEN);
  await page.click('#login-button');
  await page.waitForSelector('#who:has-text("admin")');
  await page.waitForSelector('#sessions tbody tr[data-id="alpha"]');
  await page.waitForSelector('#sessions tbody tr[data-id="gamma"] td.state-stored');
  const ids = async () => page.$$eval('#sessions tbody tr', rows => rows.map(r => r.dataset.id));
  for (const id of ['alpha', 'beta', 'gamma']) check((await ids()).includes(id), 'session ' + id + ' in the table');
  step('sessions table: ' + (await ids()).join(', '));
  await page.waitForSelector('#live.on');
  step('live updates connected');

  // sort by turns, descending, then by id
  await page.click('th[data-key="handled"]');
  await page.click('th[data-key="handled"]');
  await page.waitForSelector('th[data-key="handled"].sorted-desc');
  const turns = await page.$$eval('#sessions tbody tr', rows => rows.map(r => Number(r.children[3].textContent || -1)));
  check(turns.every((v, i) => i === 0 || turns[i - 1] >= v), 'sorted by turns, descending: ' + turns);
  await page.click('th[data-key="id"]');
  await page.waitForFunction(() => document.querySelector('#sessions tbody tr').dataset.id === 'alpha');
  const sortedIds = await ids();
  check(JSON.stringify(sortedIds) === JSON.stringify([...sortedIds].sort()), 'sorted by id: ' + sortedIds);
  step('sorts by turns and by id');

  // filter by id, then by state
  await page.fill('#filter', 'bet');
  await page.waitForFunction(() => [...document.querySelectorAll('#sessions tbody tr')].map(r => r.dataset.id).join() === 'beta');
  await page.fill('#filter', '');
  await page.selectOption('#state-filter', 'stored');
  await page.waitForFunction(() => [...document.querySelectorAll('#sessions tbody tr')].every(r => r.querySelector('.state-stored')));
  check((await ids()).includes('gamma') && !(await ids()).includes('alpha'), 'state filter: ' + await ids());
  await page.selectOption('#state-filter', '');
  step('filters by id and by state');
  await page.waitForTimeout(1200);   // one more push: turns/s filled in
  await page.screenshot({ path: shots + '/sessions.png' });

  // a session: globals tree, expand a table, cycle as a reference
  await page.click('#sessions tbody tr[data-id="alpha"] a');
  await page.waitForSelector('#session-id:has-text("alpha")');
  await page.waitForSelector('#globals-source:has-text("live")');
  await page.waitForSelector('#globals .leaf:has-text("counter")');
  await page.click('#globals details[data-key="players"] > summary');
  await page.waitForSelector('#globals details[data-key="players"] details[data-key="ann"]');
  await page.click('#globals details[data-key="players"] details[data-key="ann"] > summary');
  await page.waitForSelector('#globals details[data-key="ann"] .leaf:has-text("score")');
  await page.waitForSelector('#globals details[data-key="ann"] .ref:has-text("players.ann")');
  step('globals tree: players.ann expanded, its cycle shown as a reference');
  await page.waitForSelector('#history tbody tr');
  step('stored snapshots: ' + await page.$$eval('#history tbody tr', r => r.length));

  // eval as admin
  await page.fill('#eval-src', 'return counter + 1');
  await page.click('#eval-run');
  const expected = process.env.EXPECT_EVAL;
  await page.waitForSelector('#eval-out:text-is("' + expected + '")');
  step('eval: return counter + 1 gave ' + expected);
  await page.fill('#eval-src', 'return nosuch.field');
  await page.click('#eval-run');
  await page.waitForSelector('#eval-out.err:has-text("attempt to index")');
  await page.waitForSelector('#errors .errors-item:has-text("eval") pre.traceback');
  step('eval error shown, and listed among the recent errors');
  await page.fill('#eval-src', 'return counter + 1');
  await page.click('#eval-run');
  await page.waitForSelector('#eval-out:text-is("' + expected + '")');
  await page.screenshot({ path: shots + '/session.png' });

  // a failed turn's traceback
  await page.goto(url + '/console/#/session/beta');
  await page.waitForSelector('#session-id:has-text("beta")');
  await page.waitForSelector('#errors .errors-item:has-text("on_message")');
  await page.waitForSelector('#errors pre.traceback:has-text("stack traceback")');
  await page.waitForSelector('#errors .err:has-text("no such command: explode")');
  step('beta: the failed turn with its traceback');

  // a stored session: its globals from the newest snapshot
  await page.goto(url + '/console/#/session/gamma');
  await page.waitForSelector('#globals-source:has-text("snapshot")');
  await page.waitForSelector('#globals .leaf:has-text("counter")');
  step('gamma (stored): globals from its snapshot');

  // host charts
  await page.click('#nav-host');
  await page.waitForFunction(() => ['turns', 'latency', 'saves', 'heap'].every(
    c => Number(document.querySelector('#chart-' + c).dataset.points || 0) >= 3));
  const painted = await page.evaluate(() => ['turns', 'latency', 'saves', 'heap'].map(c => {
    const cv = document.querySelector('#chart-' + c);
    const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
    let colored = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[i + 1]) > 40 || Math.abs(d[i + 1] - d[i + 2]) > 40) colored++;
    return colored;
  }));
  check(painted.every(n => n > 50), 'lines drawn on every chart: ' + painted);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: shots + '/host.png' });
  step('host charts drawn (colored pixels ' + painted + ')');
  const errs = logs.filter(l => l.startsWith('page error'));
  check(errs.length === 0, 'no script errors: ' + errs);
} finally {
  await context.close();
}
