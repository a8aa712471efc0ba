using Atlas.Cli;

return await AtlasCommand.Build().Parse(args).InvokeAsync();
