using Quiz.LoadTests;

// Quiz.LoadTests <scenario> [--option value ...]; see docs/performance.md.
var options = Options.Parse(args);
return options.Command switch
{
    "live" => await LiveScenario.RunAsync(options),
    "stage" => await StageScenario.RunAsync(options),
    "hostile" => await HostileScenario.RunAsync(options),
    "round" => await RoundScenario.RunAsync(options),
    "worker" => await Worker.RunAsync(options),
    "rawserver" => await RawServer.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Quiz.LoadTests live --url http://127.0.0.1:5081,http://127.0.0.1:5082 --participants 20000 [--questions 3]
                            [--window 10] [--ramp 2000] [--workers N] [--answer-dist bunched|uniform|instant|none]
                            [--protocol json|messagepack] [--baseline --redis 127.0.0.1:6379[,host:port…]]
                            [--shards N]   (the contest's answers and boards over N store slots)
                            [--out loadtests/results/live.json]
                            [--user admin] [--password …]   (an organizer account; the password also from QUIZ_LOAD_PASSWORD)
        A join storm alone: --questions 0. [--hold S]: everyone stays connected S s, idle, after the joins (a node's cost of a held connection).
        Quiz.LoadTests stage (same options): six team seats race for the buzzer on every question while the
                            participants (the audience) answer it; reports buzz decision latency and whether the
                            earliest server stamp won every race.
        Quiz.LoadTests hostile (same options) [--attack-rate 1000] [--attack-addresses 25] [--bomb-every 5] [--attacker-nice 19]
                            [--out loadtests/results/hostile.md]: --questions quiet, then as many beside an attacker
                            on another contest of the same nodes; the played contest's ack p99 in both phases.
        Quiz.LoadTests round --url … --participants 20000 [--ramp 60] [--paper 5] [--limit 120] [--think 3000]
                             [--abandon 0.05] [--connections 256] [--close-after S] [--out loadtests/results/round.json]
        An online round: a roster of N, each starting within the ramp, answering, handing in (or left to the deadline).
        """);
    return 2;
}
