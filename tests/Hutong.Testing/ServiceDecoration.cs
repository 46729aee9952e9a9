using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Testing;

/// <summary>Wrapping a service the node registered, for <see cref="HutongApp.StartAsync"/>'s <c>services</c>.</summary>
public static class ServiceDecoration
{
    /// <summary>
    /// Replaces the last registration of <typeparamref name="TService"/> with <paramref name="decorate"/> applied to
    /// what it would have made, in the same lifetime.
    /// </summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"The node registers no {typeof(TService).Name} to decorate.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(TService), provider => decorate((TService)Make(provider, registered)), registered.Lifetime));
        return services;
    }

    private static object Make(IServiceProvider provider, ServiceDescriptor registered) =>
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
}
