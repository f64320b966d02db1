using Quiz.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddQuiz();

var app = builder.Build();
app.MapQuiz();
return app.RunOrExplain();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
