using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Tests;

/// <summary>A to-do page written as a WeChat developer would, compiled end to end and read back from its JSON.</summary>
public sealed class TodoPageTests
{
    private const string Page = """
        <!-- pages/todo/todo.wxml -->
        <import src="/templates/empty.wxml"/>
        <wxs module="fmt" src="../../utils/fmt.wxs"/>
        <view class="page">
          <view class="header">
            <input class="new" value="{{draft}}" placeholder="What needs doing?" bindinput="onDraft" bindconfirm="onAdd"/>
            <button size="mini" disabled="{{!draft.length}}" bind:tap="onAdd">Add</button>
          </view>
          <view wx:if="{{todos.length === 0}}">
            <template is="empty" data="{{message: 'Nothing to do & nothing to fear'}}"/>
          </view>
          <block wx:else>
            <view wx:for="{{todos}}" wx:for-item="todo" wx:key="id"
                  class="todo {{todo.done ? 'done' : ''}}" data-todo-id="{{todo.id}}" bindtap="onToggle">
              <checkbox checked="{{todo.done}}"/>
              <text>{{index + 1}}. {{todo.title}}</text>
              <text class="due">{{fmt.date(todo.due)}}</text>
              <view class="remove" catchtap="onRemove" data-todo-id="{{todo.id}}">&times;</view>
            </view>
          </block>
          <view class="footer">{{left}} left &middot; {{todos.length - left}} done</view>
        </view>
        """;

    [Fact]
    public void ATodoPage_CompilesToTheExpectedTree()
    {
        var json = WxmlCompiler.ToJson(WxmlCompiler.Compile("pages/todo/todo.wxml", Page));
        var document = JsonNode.Parse(json)!;

        Assert.Equal("pages/todo/todo.wxml", (string?)document["file"]);
        Assert.Equal(["templates/empty.wxml"], document["imports"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("fmt", (string?)document["wxs"]![0]!["module"]);
        Assert.Equal("utils/fmt.wxs", (string?)document["wxs"]![0]!["src"]);
        Assert.Null(document["templates"]);

        var page = Assert.Single(document["nodes"]!.AsArray())!;
        Assert.Equal(("el", "view"), ((string?)page["k"], (string?)page["tag"]));
        var sections = page["children"]!.AsArray();
        Assert.Equal(["el", "if", "el"], sections.Select(n => (string?)n!["k"]));

        var header = sections[0]!["children"]!.AsArray();
        var input = header[0]!;
        Assert.Equal("id", (string?)input["attrs"]!["value"]!["k"]);
        Assert.Equal(
            [("bind", "input", "onDraft"), ("bind", "confirm", "onAdd")],
            input["events"]!.AsArray().Select(e => ((string?)e!["kind"], (string?)e["name"], (string?)e["handler"]!["v"])));
        Assert.Equal("un", (string?)header[1]!["attrs"]!["disabled"]!["k"]);

        var branches = sections[1]!["branches"]!.AsArray();
        Assert.Equal(2, branches.Count);
        Assert.Equal("===", (string?)branches[0]!["test"]!["op"]);
        var use = branches[0]!["node"]!["children"]![0]!;
        Assert.Equal("tpl", (string?)use["k"]);
        Assert.Equal("Nothing to do & nothing to fear", (string?)use["data"]!["e"]![0]!["v"]!["v"]);
        Assert.Null(branches[1]!["test"]);

        var loop = branches[1]!["node"]!["children"]![0]!;
        Assert.Equal(("for", "todo", "index", "id"), ((string?)loop["k"], (string?)loop["item"], (string?)loop["index"], (string?)loop["key"]));
        var row = loop["node"]!;
        Assert.Equal("cat", (string?)row["attrs"]!["class"]!["k"]);
        Assert.Equal("mem", (string?)row["dataset"]!["todoId"]!["k"]);
        Assert.Equal(["checkbox", "text", "text", "view"], row["children"]!.AsArray().Select(n => (string?)n!["tag"]));
        Assert.Equal("wxs", (string?)row["children"]![2]!["children"]![0]!["v"]!["k"]);
        var remove = row["children"]![3]!;
        Assert.Equal("catch", (string?)remove["events"]![0]!["kind"]);
        Assert.Equal("&times;", (string?)remove["children"]![0]!["v"]!["v"]);

        var footer = sections[2]!["children"]![0]!["v"]!["a"]!.AsArray();
        Assert.Equal(["id", "str", "bin", "str"], footer.Select(n => (string?)n!["k"]));
    }

    [Fact]
    public void TheTodoPagesJson_LeavesOutEmptyParts()
    {
        var json = WxmlCompiler.ToJson(WxmlCompiler.Compile("pages/todo/todo.wxml", Page));

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"attrs\":{}", json, StringComparison.Ordinal);
    }
}
