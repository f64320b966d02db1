using Microsoft.Playwright;

namespace Quiz.Browser.Tests.Support;

/// <summary>Measurements of a page as it is drawn, from its computed styles and boxes (issue 17: projector, host, phones).</summary>
public static class Layout
{
    /// <summary>
    /// Everything visible lies inside the viewport: nothing runs past the bottom or the right, nothing is cut by a box
    /// except the explanation (a 解析 longer than any screen is cut there, after the type has shrunk), and no box that
    /// lets its content show spills it over its neighbours. Returns what does not.
    /// </summary>
    public static Task<string[]> OutsideAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const W = document.documentElement.clientWidth, H = window.innerHeight, found = [];
          const main = document.querySelector('main').getBoundingClientRect();
          for (const el of document.body.querySelectorAll('*')) {
            if (el.closest('.explanation > *, .sr-only, script, style') || !el.checkVisibility({ visibilityProperty: true })) continue;
            const r = el.getBoundingClientRect();
            if (r.width < 1 || r.height < 1) continue;
            const style = getComputedStyle(el);
            if (el.closest('main') && style.overflowY === 'visible' && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 2)
              found.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} spills: ${el.scrollHeight} px of content in ${el.clientHeight} px`);
            const inMain = !el.closest('main') || (r.bottom <= main.bottom + 1 && r.right <= main.right + 1);
            if (r.bottom <= H + 1 && r.right <= W + 1 && r.top >= -1 && r.left >= -1 && inMain) continue;
            found.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} [${Math.round(r.left)},${Math.round(r.top)} - ${Math.round(r.right)},${Math.round(r.bottom)}] "${(el.textContent ?? '').trim().slice(0, 30)}"`);
          }
          return found.slice(0, 12);
        }
        """);

    /// <summary>Asserts <see cref="OutsideAsync"/> finds nothing, naming the phase.</summary>
    public static async Task AssertFitsAsync(IPage page, string phase)
    {
        var outside = await OutsideAsync(page);
        Assert.True(outside.Length == 0, $"{phase}: outside the {page.ViewportSize?.Width}x{page.ViewportSize?.Height} screen:\n" + string.Join('\n', outside));
    }

    /// <summary>The smallest computed font size (px) among visible elements matching <paramref name="selector"/> that hold text.</summary>
    public static Task<double> SmallestFontAsync(IPage page, string selector) => page.EvaluateAsync<double>("""
        selector => Math.min(...[...document.querySelectorAll(selector)]
          .filter(el => el.checkVisibility({ visibilityProperty: true }) && el.textContent.trim())
          .map(el => parseFloat(getComputedStyle(el).fontSize)))
        """, selector);

    /// <summary>
    /// The 2021 适老化 guidance on a page in its large-text mode: every visible text at least 18 px and every control at
    /// least 60x60 px (the phones are emulated at one device pixel per CSS pixel, so px are dp). Returns what falls short.
    /// </summary>
    public static Task<string[]> LargeTextShortfallsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const found = [];
          for (const el of document.body.querySelectorAll('*')) {
            if (el.closest('.sr-only, script, style') || !el.checkVisibility({ visibilityProperty: true })) continue;
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (own && size < 18) found.push(`text ${size}px: "${el.textContent.trim().slice(0, 30)}"`);
            if (el.matches('button, a[href], input:not([type=hidden]), select, textarea, summary')) {
              const r = el.getBoundingClientRect();
              if (r.width < 60 || r.height < 60) found.push(`target ${Math.round(r.width)}x${Math.round(r.height)}: ${el.tagName.toLowerCase()}#${el.id} "${(el.textContent || el.value || '').trim().slice(0, 20)}"`);
            }
          }
          return found.slice(0, 15);
        }
        """);

    /// <summary>Whether the element's box lies wholly inside the viewport as the page is scrolled now.</summary>
    public static Task<bool> InViewAsync(ILocator element) => element.EvaluateAsync<bool>("""
        el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= document.documentElement.clientWidth; }
        """);
}
