using Microsoft.Playwright;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// The checks every page and phase must pass, in one call a test makes wherever it stands (issue 17, item 3):
/// <list type="bullet">
/// <item>it renders under its own Content-Security-Policy: the document carries the server's policy and no
/// securitypolicyviolation event fired (an inline script, a foreign origin);</item>
/// <item>no console error and no uncaught script error (a test that provokes a refused request on purpose says which
/// with <see cref="Allow"/>);</item>
/// <item>in each language none of the other language's texts shows (visible text, placeholders, labels for screen
/// readers and the options of visible lists, against js/i18n.js's tables; text under translate="no", which pages put
/// on what people typed, is not judged);</item>
/// <item>in high contrast every enabled control (links, buttons, fields, lists, tabs) has a contrast ratio of 7:1 or
/// more between its text and what lies under it, computed from the page's computed styles (checkboxes, radio buttons
/// and file pickers are drawn by the browser and left out);</item>
/// <item>nothing runs past the viewport's right edge, in either language, in standard and in high contrast (content in
/// a box that scrolls sideways on its own is inside that box, not past the viewport).</item>
/// </list>
/// The switches are the page's own (#lang-switch, #hc-switch): the check uses them as a person would and leaves the
/// page as it found it. Attach before the first navigation, so the policy listener is there before any script runs.
/// </summary>
public sealed class PageChecks
{
    private readonly IPage _page;
    private readonly List<string> _errors = [];
    private readonly List<string> _allowed = [];

    private PageChecks(IPage page) => _page = page;

    public static async Task<PageChecks> AttachAsync(IPage page)
    {
        var checks = new PageChecks(page);
        await page.AddInitScriptAsync("""
            window.__quizCsp = [];
            document.addEventListener("securitypolicyviolation", e =>
              window.__quizCsp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (checks._errors)
                {
                    checks._errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (checks._errors)
            {
                checks._errors.Add($"script error: {error}");
            }
        };
        return checks;
    }

    /// <summary>A console error the test causes on purpose (a refused request logs "status of 400"), by a part of its text.</summary>
    public PageChecks Allow(string fragment)
    {
        _allowed.Add(fragment);
        return this;
    }

    /// <summary>
    /// Runs every check on the page as it stands, in both languages and in high contrast, and fails listing every
    /// problem. With <paramref name="screenshot"/>, also photographs the phase in Chinese, English and high contrast.
    /// </summary>
    public async Task RunAsync(string phase, string? screenshot = null)
    {
        var problems = new List<string>();
        problems.AddRange(await PolicyProblemsAsync());
        var lang = await _page.EvaluateAsync<string>("document.documentElement.lang");
        var other = lang == "en" ? "zh-CN" : "en";
        problems.AddRange(await LanguageProblemsAsync(lang));
        problems.AddRange(await OverflowAsync($"{lang}, standard"));
        if (screenshot is not null)
        {
            await Screenshots.TakeAsync(_page, screenshot + (lang == "en" ? "-en" : ""));
        }

        await SwitchLanguageAsync(other);
        problems.AddRange(await LanguageProblemsAsync(other));
        problems.AddRange(await OverflowAsync($"{other}, standard"));
        if (screenshot is not null)
        {
            await Screenshots.TakeAsync(_page, screenshot + (other == "en" ? "-en" : ""));
        }
        await SwitchLanguageAsync(lang);

        await _page.Locator("#hc-switch").ClickAsync();
        await _page.WaitForFunctionAsync("document.documentElement.classList.contains('hc')");
        problems.AddRange(await ContrastAsync());
        problems.AddRange(await OverflowAsync($"{lang}, high contrast"));
        if (screenshot is not null)
        {
            await Screenshots.TakeAsync(_page, screenshot + "-hc");
        }
        await _page.Locator("#hc-switch").ClickAsync();
        await _page.WaitForFunctionAsync("!document.documentElement.classList.contains('hc')");

        problems.AddRange(await PolicyProblemsAsync()); // the switches redraw: nothing they run may break a rule either
        problems.AddRange(TakeErrors());
        Assert.True(problems.Count == 0, $"Page checks failed at '{phase}':\n" + string.Join('\n', problems.Distinct()));
    }

    private List<string> TakeErrors()
    {
        lock (_errors)
        {
            var found = _errors.Where(e => !_allowed.Any(a => e.Contains(a, StringComparison.Ordinal))).ToList();
            _errors.Clear();
            return found;
        }
    }

    private async Task<IEnumerable<string>> PolicyProblemsAsync()
    {
        var policy = await _page.EvaluateAsync<string?>("fetch(location.href, { cache: 'no-store' }).then(r => r.headers.get('content-security-policy'))");
        var problems = new List<string>();
        if (policy is null || !policy.Contains("script-src 'self'", StringComparison.Ordinal))
        {
            problems.Add($"the page is not served with the server's Content-Security-Policy (got: {policy ?? "none"})");
        }
        problems.AddRange((await _page.EvaluateAsync<string[]>("window.__quizCsp ?? []")).Select(v => "CSP violation: " + v));
        return problems;
    }

    private async Task SwitchLanguageAsync(string lang)
    {
        await _page.Locator("#lang-switch").ClickAsync();
        await _page.WaitForFunctionAsync("lang => document.documentElement.lang === lang", lang);
    }

    /// <summary>
    /// Texts of the other language that show. Pages may redraw after a switch by asking the server again, so this
    /// waits until the page is clean (as an expectation does) and reports what remains if it never is.
    /// </summary>
    private async Task<IEnumerable<string>> LanguageProblemsAsync(string lang)
    {
        var until = DateTime.UtcNow.AddSeconds(15); // a bound on the redraw, as an expectation has; a clean page returns at once
        while (true)
        {
            var found = await _page.EvaluateAsync<string[]>($"lang => ({LanguageScript})(lang)", lang);
            if (found.Length == 0 || DateTime.UtcNow > until)
            {
                return found.Select(f => $"{lang}: {f}");
            }
            await _page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => r()))"); // the next frame, then look again
        }
    }

    private async Task<IEnumerable<string>> ContrastAsync() =>
        (await _page.EvaluateAsync<string[]>(ContrastScript)).Select(f => "high contrast: " + f);

    private async Task<IEnumerable<string>> OverflowAsync(string state) =>
        (await _page.EvaluateAsync<string[]>(OverflowScript)).Select(f => $"overflow ({state}): {f}");

    // What a person sees or hears of a page: visible text nodes, placeholders, aria-labels and titles of visible
    // elements, and the options of visible lists; never what lies under translate="no".
    private const string VisibleTexts = """
        () => {
          const shown = el => el && !el.closest('[translate=no]') && el.checkVisibility({ visibilityProperty: true });
          const texts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            if (el && !el.closest('script, style, option') && shown(el)) texts.push(walker.currentNode.textContent);
          }
          for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
            if (shown(el)) for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)) texts.push(el.getAttribute(a));
          }
          for (const select of document.body.querySelectorAll('select')) {
            if (shown(select)) for (const o of select.options) if (!o.closest('[translate=no]')) texts.push(o.textContent);
          }
          return texts.map(t => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
        }
        """;

    // The other language's texts, cut at their {placeholders}: a long piece (4+ Chinese characters, or 2+ English words)
    // may not appear anywhere; a short one (a tab name such as 题库, a word such as "Open") may not be a whole text
    // on its own. Pieces the two languages share ("xlsx", the Chinese column names an English help quotes) are allowed.
    private const string LanguageScript = $$"""
        async lang => {
          const { textsOf } = await import('/js/i18n.js');
          const mine = textsOf(lang), theirs = textsOf(lang === 'en' ? 'zh-CN' : 'en');
          const mineAll = Object.values(mine).join('\n');
          const bare = s => s.replace(/^[\s:：,，.。;；、!！?？()（）"“”'‘’·\-–—…]+|[\s:：,，.。;；、!！?？()（）"“”'‘’·\-–—…]+$/g, '');
          const han = s => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
          const long = [], short = new Set();
          for (const [key, value] of Object.entries(theirs)) {
            if (mine[key] === value) continue;
            for (const piece of value.split(/\{\w+\}/).map(bare)) {
              if (!piece || mineAll.includes(piece)) continue;
              if (lang === 'en' ? han(piece) >= 4 : piece.split(' ').length >= 2 && piece.length >= 8 && /[a-z]/.test(piece)) long.push([key, piece]);
              else if (lang === 'en' ? han(piece) >= 2 : /^[A-Za-z][A-Za-z' -]{2,}$/.test(piece)) short.add(piece);
            }
          }
          const texts = ({{VisibleTexts}})();
          const found = [];
          for (const text of texts) {
            if (short.has(bare(text))) found.push(`"${text}" is the other language's text`);
            for (const [key, piece] of long) if (text.includes(piece)) found.push(`"${text}" holds "${piece}" (${key})`);
          }
          return [...new Set(found)].slice(0, 20);
        }
        """;

    private const string ContrastScript = """
        () => {
          const parse = c => {
            const m = /rgba?\(([^)]+)\)/.exec(c);
            if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(x => x.endsWith('%') ? parseFloat(x) / 100 : parseFloat(x));
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
          const lum = c => ['r', 'g', 'b'].map(k => c[k] / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          // What lies under an element: its own background and its ancestors', composed from the canvas up.
          const backdrop = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
          };
          const name = el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
          const found = [];
          const controls = document.body.querySelectorAll('a[href], button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea, summary, [role=tab]');
          for (const el of controls) {
            if (el.disabled || el.closest('[inert]') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
            const style = getComputedStyle(el);
            const fg = parse(style.color);
            if (!fg) continue;
            const bg = backdrop(el);
            const value = ratio(over(fg, bg), bg);
            if (value < 7) found.push(`${name(el)}: ${value.toFixed(2)}:1 (${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
          }
          return found.slice(0, 20);
        }
        """;

    private const string OverflowScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const found = [];
          if (document.documentElement.scrollWidth > width + 1) found.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px viewport`);
          const scrollsAside = el => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
            }
            return false;
          };
          for (const el of document.body.querySelectorAll('*')) {
            if (!el.checkVisibility({ visibilityProperty: true })) continue;
            const box = el.getBoundingClientRect();
            if (box.width > 1 && box.right > width + 1 && !scrollsAside(el)) {
              found.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} reaches ${Math.round(box.right)} px: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
            }
          }
          return found.slice(0, 10);
        }
        """;
}
