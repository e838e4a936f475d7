using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Guards;

namespace TitleReview.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        var handlerInterface = typeof(IHandler<,>);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == handlerInterface))
            {
                AddAudited(services, contract, type);
            }
        }

        services.AddScoped<Security.Audit.AuditScope>();

        foreach (var action in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Workflows.IWorkflowAction).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(Workflows.IWorkflowAction), action);
        }

        foreach (var provider in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWorkflowFactProvider).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IWorkflowFactProvider), provider);
        }

        services.AddScoped<Workflows.BulkOperations.IBulkOperationRunner, Workflows.BulkOperations.BulkOperationRunner>();
        services.AddScoped<Campaigns.ICurrentCampaign, Campaigns.CurrentCampaign>();
        services.AddScoped<Units.IUnitDirectory, Units.UnitDirectory>();
        services.AddScoped<Integrity.IIntegrityRecord, Integrity.IntegrityRecord>();
        services.AddScoped<Applications.IApplicationCounts, Applications.ApplicationCounts>();
        services.AddScoped<Fees.IUnitPayments, Fees.UnitPayments>();
        services.AddScoped<Applications.Preliminary.IEligibility, Applications.Preliminary.EligibilityEvaluator>();
        services.AddScoped<Applications.Opinions.IReviewFormOpinions, Applications.Opinions.ReviewFormOpinionsDirectory>();
        services.AddScoped<Applications.Preliminary.IPreliminaryDecisions, Applications.Preliminary.PreliminaryDecisionDirectory>();
        services.AddScoped<Applications.Committee.ICommitteeSeats, Applications.Committee.CommitteeSeats>();
        services.AddScoped<Applications.Committee.ExpertReview.IAssignedDossiers, Applications.Committee.ExpertReview.AssignedDossiers>();
        services.AddScoped<Applications.Committee.Defense.IDefenseAppointments, Applications.Committee.Defense.DefenseAppointments>();
        services.AddScoped<Applications.Committee.ICommitteeResults, Applications.Committee.Voting.CommitteeResults>();
        services.AddScoped<Workflows.Monitor.IDecisionSecrecy, Applications.Committee.Results.DecisionSecrecy>();
        services.AddScoped<Applications.Certificates.ICertificateRevocation, Applications.Certificates.CertificateRevocation>();
        services.AddScoped<Reminders.ReminderPlanner>();
        return services;
    }

    /// <summary>
    /// Registers a use case wrapped in the audit trail's decorator (ADR 0053): pages and endpoints
    /// receive the decorator, which calls the handler and writes the row.
    /// </summary>
    private static void AddAudited(IServiceCollection services, Type contract, Type handler)
    {
        services.AddScoped(handler);
        var arguments = contract.GetGenericArguments();
        var decorator = typeof(Security.Audit.AuditingHandler<,>).MakeGenericType(arguments);
        var factory = ActivatorUtilities.CreateFactory(decorator, [contract]);
        services.AddScoped(contract, sp => factory(sp, [sp.GetRequiredService(handler)]));
    }
}
