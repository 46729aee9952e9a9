namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// A mini-program package compiled for the runtime; every member is deterministic for the same input files.
/// </summary>
/// <param name="AppJson">
/// The normalised app config: <c>pages</c> (main package then subpackage pages, as routes without extension),
/// <c>entryPagePath</c>, <c>window</c>, <c>tabBar</c> (or absent), <c>subpackages</c> (<c>root</c> and full page
/// routes), <c>pageConfigs</c> (per route: <c>window</c> merged with the page's own json, without
/// <c>usingComponents</c>) and <c>components</c> (every custom component path in use).
/// </param>
/// <param name="ViewJson">
/// One JSON document for the view frames: <c>wxml</c> (every compiled WXML document by package path),
/// <c>appCss</c>, <c>css</c> (per page route and component path, imports inlined), <c>using</c> (per page route
/// and component path: tag name to component path) and <c>wxs</c> (the module keys in <see cref="WxsJs"/>).
/// </param>
/// <param name="LogicJs">
/// The logic bundle the worker loads: each package <c>.js</c> file wrapped as
/// <c>__hutong_define("path.js", function (require, module, exports) { ... })</c>, then
/// <c>__hutong_start([...])</c> naming app.js, the components and the pages in the order to run them.
/// </param>
/// <param name="WxsJs">
/// The WXS modules as a script the view frame loads: each one
/// <c>__hutong_wxs("key", function (require, module, exports) { ... })</c>, keyed by its <c>.wxs</c> path or, for
/// an inline module, <c>file.wxml#module</c>.
/// </param>
/// <param name="Assets">Every other file (images, fonts, media) by package path, served as it is.</param>
public sealed record CompiledPackage(
    string AppJson,
    string ViewJson,
    string LogicJs,
    string WxsJs,
    IReadOnlyDictionary<string, byte[]> Assets);
