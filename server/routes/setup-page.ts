import type { Request, RequestHandler } from 'express';
import { PASSWORD_MIN_LENGTH } from '../auth/password-rule';
import { escapeHtml as esc } from '../http/escape-html';
import { prefersEnglish } from '../http/error-handler';

const TEXT = {
  zh: {
    lang: 'zh-CN',
    title: '创建第一个管理员',
    intro:
      '此安装尚无任何账号。此链接只能使用一次; 创建后请用新账号登录, 再在“用户”中添加其他账号 (或使用 npm run user)。',
    username: '用户名 (2–64 位小写字母、数字或 _.-)',
    displayName: '显示名称 (可选)',
    password: `密码 (至少 ${PASSWORD_MIN_LENGTH} 个字符)`,
    repeat: '再次输入密码',
    submit: '创建管理员',
    mismatch: '两次输入的密码不一致',
    done: '管理员已创建。',
    signIn: '前往登录',
    noToken: '链接缺少 token: 请使用服务器控制台上打印的完整链接。',
    other: 'English',
  },
  en: {
    lang: 'en',
    title: 'Create the first admin',
    intro:
      'This install has no account yet. This link works once; afterwards sign in with the new account and add the others (or use npm run user).',
    username: 'Username (2–64 of a-z 0-9 _ . -)',
    displayName: 'Display name (optional)',
    password: `Password (at least ${PASSWORD_MIN_LENGTH} characters)`,
    repeat: 'Password again',
    submit: 'Create admin',
    mismatch: 'The two passwords differ',
    done: 'The admin account was created.',
    signIn: 'Go to sign-in',
    noToken: 'The link has no token: use the full link printed on the server console.',
    other: '中文',
  },
};

const english = (req: Request): boolean =>
  req.query.lang === 'en' ? true : req.query.lang === 'zh' ? false : prefersEnglish(req);

/**
 * The page the one-time setup link opens (`/setup?token=…`): a small form that posts to
 * `POST /api/setup/first-admin`. Server-rendered and self-contained (no client build, no
 * network beyond this server), zh-CN unless the browser prefers English or `?lang=en`.
 */
export function setupPage(): RequestHandler {
  return (req, res) => {
    const t = english(req) ? TEXT.en : TEXT.zh;
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const otherLang = t === TEXT.en ? 'zh' : 'en';
    const otherHref = `/setup?${new URLSearchParams({ token, lang: otherLang }).toString()}`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.type('html').send(`<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>
  body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
  label { display: block; margin-top: .8rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .45rem; font: inherit; }
  button { margin-top: 1.2rem; padding: .5rem 1rem; font: inherit; }
  .error { color: #991b1b; margin-top: 1rem; } .done { color: #166534; margin-top: 1rem; }
  .lang { float: right; }
</style></head>
<body>
<a class="lang" href="${esc(otherHref)}">${esc(t.other)}</a>
<h1>${esc(t.title)}</h1>
<p>${esc(t.intro)}</p>
${token ? '' : `<p class="error">${esc(t.noToken)}</p>`}
<form id="setup">
  <input type="hidden" name="token" value="${esc(token)}">
  <label>${esc(t.username)}<input name="username" required pattern="[a-z0-9_.\\-]{2,64}" autocomplete="username"></label>
  <label>${esc(t.displayName)}<input name="displayName" maxlength="100"></label>
  <label>${esc(t.password)}<input name="password" type="password" required minlength="${PASSWORD_MIN_LENGTH}" autocomplete="new-password"></label>
  <label>${esc(t.repeat)}<input name="repeat" type="password" required autocomplete="new-password"></label>
  <button type="submit">${esc(t.submit)}</button>
  <div id="message" role="alert"></div>
</form>
<script nonce="${esc(String(res.locals.cspNonce ?? ''))}">
  const form = document.getElementById('setup');
  const message = document.getElementById('message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    message.className = 'error';
    if (data.password !== data.repeat) { message.textContent = ${JSON.stringify(t.mismatch)}; return; }
    delete data.repeat;
    if (!data.displayName) delete data.displayName;
    const res = await fetch('/api/setup/first-admin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': ${JSON.stringify(t.lang)} },
      body: JSON.stringify(data),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) { message.textContent = (body.error && body.error.message) || res.statusText; return; }
    form.querySelectorAll('input, button').forEach((el) => (el.disabled = true));
    message.className = 'done';
    message.innerHTML = ${JSON.stringify(esc(t.done))} + ' <a href="/">' + ${JSON.stringify(esc(t.signIn))} + '</a>';
  });
</script>
</body></html>`);
  };
}
