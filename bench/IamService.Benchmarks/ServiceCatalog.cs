namespace IamService.Benchmarks;

/// <summary>
/// A service of the synthetic account: the actions policies name exactly, the wildcards they use instead, and
/// how a resource numbered n is written as a policy pattern and as a concrete request ARN.
/// </summary>
public sealed record ServiceCatalog(
    string Prefix,
    string[] Actions,
    string[] Wildcards,
    Func<int, string> ResourcePattern,
    Func<int, int, string> ResourceArn)
{
    private const string Account = SyntheticAccount.AccountId;

    public static IReadOnlyList<ServiceCatalog> All { get; } =
    [
        new(
            "s3",
            ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetObjectTagging", "PutObjectTagging",
                "GetObjectVersion", "GetBucketPolicy"],
            ["s3:Get*", "s3:Put*", "s3:List*"],
            n => $"arn:aws:s3:::bucket-{n}/*",
            (n, k) => $"arn:aws:s3:::bucket-{n}/reports/2024/r-{k}.csv"),
        new(
            "dynamodb",
            ["GetItem", "PutItem", "Query", "Scan", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem"],
            ["dynamodb:*", "dynamodb:Get*", "dynamodb:Batch*"],
            n => $"arn:aws:dynamodb:us-east-1:{Account}:table/table-{n}*",
            (n, k) => $"arn:aws:dynamodb:us-east-1:{Account}:table/table-{n}/index/ix-{k}"),
        new(
            "ec2",
            ["DescribeInstances", "RunInstances", "StopInstances", "StartInstances", "TerminateInstances",
                "DescribeVolumes"],
            ["ec2:Describe*", "ec2:*", "ec2:St*"],
            n => $"arn:aws:ec2:*:{Account}:instance/i-{n:x4}*",
            (n, k) => $"arn:aws:ec2:us-east-1:{Account}:instance/i-{n:x4}{k:x8}"),
        new(
            "sqs",
            ["SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes", "PurgeQueue"],
            ["sqs:*", "sqs:Get*"],
            n => $"arn:aws:sqs:us-east-1:{Account}:queue-{n}",
            (n, _) => $"arn:aws:sqs:us-east-1:{Account}:queue-{n}"),
        new(
            "lambda",
            ["InvokeFunction", "GetFunction", "UpdateFunctionCode", "GetFunctionConfiguration", "DeleteFunction"],
            ["lambda:Get*", "lambda:*"],
            n => $"arn:aws:lambda:us-east-1:{Account}:function:fn-{n}*",
            (n, k) => $"arn:aws:lambda:us-east-1:{Account}:function:fn-{n}:{k}"),
        new(
            "kms",
            ["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "ReEncryptFrom"],
            ["kms:*", "kms:Describe*", "kms:ReEncrypt*"],
            n => $"arn:aws:kms:us-east-1:{Account}:key/key-{n}",
            (n, _) => $"arn:aws:kms:us-east-1:{Account}:key/key-{n}"),
        new(
            "sns",
            ["Publish", "Subscribe", "GetTopicAttributes", "DeleteTopic"],
            ["sns:*", "sns:Get*"],
            n => $"arn:aws:sns:us-east-1:{Account}:topic-{n}",
            (n, _) => $"arn:aws:sns:us-east-1:{Account}:topic-{n}"),
        new(
            "logs",
            ["PutLogEvents", "CreateLogStream", "GetLogEvents", "DescribeLogGroups"],
            ["logs:*", "logs:Describe*", "logs:Get*"],
            n => $"arn:aws:logs:us-east-1:{Account}:log-group:group-{n}:*",
            (n, k) => $"arn:aws:logs:us-east-1:{Account}:log-group:group-{n}:log-stream:s-{k}"),
    ];

    /// <summary>
    /// The actions of this service that a value from <see cref="Actions"/> or <see cref="Wildcards"/> covers.
    /// </summary>
    public string[] ActionsCoveredBy(string value)
    {
        var name = value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..];
        if (!name.EndsWith('*'))
        {
            return [name];
        }

        var prefix = name[..^1];
        return [.. Actions.Where(a => a.StartsWith(prefix, StringComparison.Ordinal))];
    }
}
