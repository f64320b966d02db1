using System.Text.Json.Serialization;
using Mapster;
using MapsterMapper;
using Mediator;
using Quiz.Core.Common;
using Quiz.Infrastructure.Assessment;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Api;
using Quiz.Server.Security;
using Scalar.AspNetCore;

namespace Quiz.Server.Hosting;

/// <summary>Program.cs reads as a table of contents; each area adds its services and maps its endpoints here.</summary>
public static class QuizHostingExtensions
{
    public static WebApplicationBuilder AddQuiz(this WebApplicationBuilder builder)
    {
        builder.UseDefaultAddress();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddQuizRedis(builder.Configuration);
        builder.AddQuizSecurity();
        services.AddQuizMediator();
        services.AddQuizLive(builder.Configuration);
        services.AddQuizAssessmentStore();
        services.AddQuizRounds(builder.Configuration);
        services.AddQuizMetrics();
        services.AddQuizPages();
        services.AddSingleton(MappingConfig.Create());
        services.AddSingleton<ImportGate>(); // one file import reads at a time per node
        services.AddSingleton<IMapper>(sp => new Mapper(sp.GetRequiredService<TypeAdapterConfig>()));
        // Enums by name on the wire: "Proportional", not 1.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<QuizExceptionHandler>();
        services.AddOpenApi();
        // GB18030/GBK CSV files (what Chinese Excel writes) need the code-page encodings .NET does not load by default.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        services.AddHostedService<SampleBank>();
        return builder;
    }

    public static WebApplication MapQuiz(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseQuizSecurity();
        app.MapQuizPages();
        app.MapQuizHealth();
        app.MapQuizMetrics();
        app.MapOpenApi();
        app.MapScalarApiReference(); // the browsable API reference at /scalar
        app.MapClockApi();
        app.MapContestsApi();
        app.MapRosterApi();
        app.MapAssessmentApi();
        app.MapRoundsApi();
        app.MapQuizLive();
        app.MapBanksApi();
        app.MapBankFilesApi();
        app.MapAccountsApi();
        return app;
    }

    /// <summary>Explicit registration: handlers come from Quiz.Core; behaviours run in the order listed.</summary>
    private static IServiceCollection AddQuizMediator(this IServiceCollection services) =>
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.Assemblies = [typeof(IValidated), typeof(QuizHostingExtensions)];
            options.PipelineBehaviors = [typeof(AuditBehavior<,>), typeof(ValidationBehavior<,>), typeof(LoggingBehavior<,>)];
        });
}
