namespace Hutong.MiniPrograms.Tests.Stories;

/// <summary>Stories compiled by inkjs 2.4.0 (as the studio sends them), for the publishing tests.</summary>
internal static class Story
{
    /// <summary>
    /// "The tea house is quiet. # image: 茶壶", then two choices, each to an ending: "Green" and "红茶".
    /// </summary>
    public const string Compiled = """
        {"inkVersion":21,"root":[["^The tea house is quiet. ","#","^image: 茶壶","/#","\n","ev","str","^Green tea","/str","/ev",{"*":"0.c-0","flg":20},"ev","str","^Black tea","/str","/ev",{"*":"0.c-1","flg":20},{"c-0":["^ Fresh. ","#","^ending: Green","/#","\n","end",{"->":"0.g-0"},{"#f":5}],"c-1":["^ Strong. ","#","^ending: 红茶","/#","\n","end",{"->":"0.g-0"},{"#f":5}],"g-0":["done",null]}],"done",null],"listDefs":{}}
        """;

    /// <summary>Its Ink source.</summary>
    public const string Source = """
        The tea house is quiet. # image: 茶壶
        * [Green tea] Fresh. # ending: Green
            -> END
        * [Black tea] Strong. # ending: 红茶
            -> END
        """;

    /// <summary>"Hello." and the end: no images, no endings.</summary>
    public const string Hello = """{"inkVersion":21,"root":[["^Hello.","\n","end",["done",{"#n":"g-0"}],null],"done",null],"listDefs":{}}""";
}
