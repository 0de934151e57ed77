# Builds the API into a small runtime image. docker-compose.yml runs it against PostgreSQL 16.
# Limitation: no test builds this image, because the machines that build and test the project have no Docker engine.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/IamService.Api/IamService.Api.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# A plain (unprefixed) variable overrides appsettings.json, which binds to localhost only.
ENV Urls=http://+:5080
EXPOSE 5080
USER $APP_UID
ENTRYPOINT ["dotnet", "IamService.Api.dll"]
