using Microsoft.Playwright;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// An audience without a browser each: hub connections opened inside one page that already loaded the vendored SignalR
/// client (/play or /buzz), so a test fills a room with a dozen people, or takes a team's seat, at the cost of one page.
/// </summary>
public static class Crowd
{
    public sealed record Person(string Nickname, string? Team = null, string? District = null);

    /// <summary>Joins each person by code; returns how many the page holds.</summary>
    public static Task<int> JoinAsync(IPage page, string code, params Person[] people) =>
        page.EvaluateAsync<int>("""
            async ({ code, people }) => {
              window.crowd ??= [];
              for (const p of people) {
                const c = new signalR.HubConnectionBuilder()
                  .withUrl("/hubs/quiz", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets }).build();
                await c.start();
                const r = await c.invoke("Join", { code, nickname: p.nickname, team: p.team ?? null, unit: null, district: p.district ?? null });
                if (!r.ok) throw new Error("join: " + r.error.code);
                window.crowd.push(c);
              }
              return window.crowd.length;
            }
            """, new { code, people = people.Select(p => new { nickname = p.Nickname, team = p.Team, district = p.District }).ToArray() });

    /// <summary>
    /// Person i answers question <paramref name="seq"/> with option ids <c>answers[i]</c> (null: stays silent). An answer
    /// sent a hair before the question opens is refused as not open yet and is simply sent again.
    /// </summary>
    public static Task AnswerAsync(IPage page, int seq, params int[]?[] answers) =>
        page.EvaluateAsync("""
            async ({ seq, answers }) => {
              for (let i = 0; i < answers.length; i++) {
                if (!answers[i]) continue;
                for (let tries = 0; ; tries++) {
                  const r = await window.crowd[i].invoke("SubmitAnswer", { answerId: `crowd-${i}-${seq}`, seq, options: answers[i], text: null });
                  if (r.ok && r.value.status !== "invalid") break;
                  if (tries > 80) throw new Error("answer refused: " + JSON.stringify(r));
                  await new Promise(done => setTimeout(done, 250));
                }
              }
            }
            """, new { seq, answers });

    /// <summary>Takes a team's seat from the page (a buzzer without its page) with the code the host console lists.</summary>
    public static Task SeatAsync(IPage page, string contestId, string seatCode) =>
        page.EvaluateAsync("""
            async ({ contestId, code }) => {
              window.seat = new signalR.HubConnectionBuilder()
                .withUrl("/hubs/quiz", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets }).build();
              await window.seat.start();
              const r = await window.seat.invoke("TakeSeat", { contestId, code });
              if (!r.ok) throw new Error("seat: " + r.error.code);
            }
            """, new { contestId, code = seatCode });

    /// <summary>The seat taken with <see cref="SeatAsync"/> buzzes; returns the buzz's status.</summary>
    public static Task<string> BuzzAsync(IPage page) =>
        page.EvaluateAsync<string>("async () => (await window.seat.invoke('Buzz')).value.status");
}
