using Quiz.Core.Common;

namespace Quiz.Core.Banks;

/// <summary>
/// Every reason a bank import, question edit or bank change can be refused for, in English and Simplified Chinese.
/// The one table: the server writes the English message from it, the admin page fetches it (GET /api/banks/reasons)
/// and renders code + args in the page's language, and a test checks both texts of every entry.
/// Codes are stable API; change a text freely, never a code or an argument name.
/// </summary>
public static class BankReasons
{
    private const string TypesEn = "use 单选, 多选, 判断, 填空 or 排序";
    private const string TypesZh = "请填 单选、多选、判断、填空 或 排序";

    // ---- the content of one question (QuestionRules, AnswerNotation)
    public static readonly ReasonText StemEmpty = new("stem.empty", "the stem (题干) is empty", "题干为空");
    public static readonly ReasonText TypeEmpty = new("type.empty", $"the question type (题型) is empty; {TypesEn}", $"题型为空，{TypesZh}");
    public static readonly ReasonText TypeUnknown = new("type.unknown", $"unknown question type '{{value}}'; {TypesEn}", $"题型“{{value}}”无法识别，{TypesZh}");
    public static readonly ReasonText OptionsOnTrueFalse = new("options.trueFalse",
        "a true/false question has no options of its own (it is always 正确/错误)", "判断题不填选项（固定为 正确/错误）");
    public static readonly ReasonText OptionsOnFill = new("options.fill",
        "a fill-in question has no options; put the accepted answers in 答案, separated by |", "填空题不填选项，请把可接受的答案写在“答案”中，用 | 分隔");
    public static readonly ReasonText OptionCount = new("options.count", "needs {min} to {max} options, has {count}", "需要 {min} 到 {max} 个选项，实际 {count} 个");
    public static readonly ReasonText OptionGap = new("option.gap", "option {option} is empty but a later one is not", "选项{option}为空，但后面还有选项");
    public static readonly ReasonText OptionRepeat = new("option.repeat", "option {option} repeats option {first}", "选项{option}与选项{first}相同");
    public static readonly ReasonText TooLong = TextReasons.TooLong;
    public static readonly ReasonText TextControl = TextReasons.Control;
    public static readonly ReasonText TextFormat = TextReasons.Format;
    public static readonly ReasonText TextInvisible = TextReasons.Invisible;
    public static readonly ReasonText TextMarks = TextReasons.Marks;
    public static readonly ReasonText TextBroken = TextReasons.Broken;
    public static readonly ReasonText TagCount = new("tags.count", "at most {max} tags, has {count}", "标签最多 {max} 个，实际 {count} 个");
    public static readonly ReasonText TagTooLong = new("tag.tooLong", "tag '{tag}' is too long: {length} characters (at most {max})", "标签“{tag}”太长：{length} 个字符（最多 {max} 个）");
    public static readonly ReasonText DifficultyInvalid = new("difficulty.invalid",
        "difficulty (难度) is a whole number from 1 to 5, not '{value}'", "难度应为 1 到 5 的整数，而不是“{value}”");
    public static readonly ReasonText ImageInvalid = new("image.invalid",
        "the image must be an http(s) address or a path starting with /, not '{value}'", "图片应为 http(s) 地址或以 / 开头的路径，而不是“{value}”");
    public static readonly ReasonText ExcludesCount = new("excludes.count",
        "at most {max} excluded questions (互斥题), has {count}", "互斥题最多 {max} 个，实际 {count} 个");
    public static readonly ReasonText ExcludeSelf = new("exclude.self", "a question cannot exclude itself ('{key}')", "题目不能与自身互斥（“{key}”）");
    public static readonly ReasonText ExcludeInvalid = new("exclude.invalid",
        "'{key}' cannot be an excluded question's key: at most {max} characters, without | or ,", "“{key}”不能作为互斥题编号：最多 {max} 个字符，且不能含 | 或 ,");
    public static readonly ReasonText ReviewByInvalid = new("review.invalid",
        "the review-by date (复核日期) is a date written like 2027-03-16, not '{value}'", "复核日期应写成 2027-03-16 这样的日期，而不是“{value}”");
    public static readonly ReasonText AnswerEmpty = new("answer.empty", "the answer is empty", "答案为空");
    public static readonly ReasonText AnswerNotTrueFalse = new("answer.trueFalse", "'{value}' is not a true/false answer; write 正确 or 错误", "“{value}”不是判断题答案，请填 正确 或 错误");
    public static readonly ReasonText AnswerNotLetters = new("answer.notLetters", "'{value}' is not written in option letters (A-{last})", "答案“{value}”应写成选项字母（A–{last}）");
    public static readonly ReasonText AnswerNotAnOption = new("answer.notAnOption",
        "answer {letter} is not among the options (there are {count}, A-{last})", "答案“{letter}”不是有效选项（该题只有 A–{last}）");
    public static readonly ReasonText AnswerRepeat = new("answer.repeat", "answer '{value}' names an option twice", "答案“{value}”重复了同一选项");
    public static readonly ReasonText AnswerSingle = new("answer.single", "a single-choice answer is one letter, not '{value}'", "单选题答案是一个字母，而不是“{value}”");
    public static readonly ReasonText AnswerMultiple = new("answer.multiple",
        "a multiple-choice answer names two or more options, not '{value}' (use 单选 for one)", "多选题答案至少两个选项，而不是“{value}”（只有一个请用单选）");
    public static readonly ReasonText AnswerOrdering = new("answer.ordering",
        "an ordering answer puts all {count} items in order, not '{value}'", "排序题答案要排出全部 {count} 项，而不是“{value}”");

    // ---- rows of one file against each other and the bank (ImportPlan)
    public static readonly ReasonText KeyRepeat = new("key.repeat", "the key '{key}' is already used by row {row}", "编号“{key}”已在第 {row} 行用过");
    public static readonly ReasonText RowRepeat = new("row.repeat", "duplicates row {row} (same type, stem and options)", "与第 {row} 行重复（题型、题干和选项都相同）");
    public static readonly ReasonText BankFull = new("bank.full",
        "a bank holds at most {max} questions; this file would bring it to {total}", "一个题库最多 {max} 题，导入后将有 {total} 题");

    // ---- the file's shape (Formats/*)
    public static readonly ReasonText FileEmpty = new("file.empty", "the file is empty", "文件为空");
    public static readonly ReasonText FileEncoding = new("file.encoding",
        "the file is not text in UTF-8 or GB18030/GBK (it may be UTF-16 without a byte-order mark, or an .xlsx renamed to .csv); save it as \"CSV UTF-8\"",
        "文件不是 UTF-8 或 GB18030/GBK 编码的文本（可能是没有 BOM 的 UTF-16，或把 .xlsx 改名成了 .csv），请另存为“CSV UTF-8”");
    public static readonly ReasonText CsvMalformed = new("csv.malformed", "the CSV is malformed near row {row}: {detail}", "CSV 格式错误，在第 {row} 行附近：{detail}");
    public static readonly ReasonText XlsxUnreadable = new("xlsx.unreadable",
        "the file is not a readable .xlsx workbook (damaged, truncated, or another format)", "文件不是可读取的 .xlsx 工作簿（已损坏、不完整或是其他格式）");
    public static readonly ReasonText SheetLimitUnpacked = new("sheet.limitUnpacked",
        "the workbook unpacks to more than {mb} MB; split it into several files", "工作簿解压后超过 {mb} MB，请拆成几个文件");
    public static readonly ReasonText SheetLimitRows = new("sheet.limitRows", "the sheet has more than {max} rows; split it into several files", "表格超过 {max} 行，请拆成几个文件");
    public static readonly ReasonText SheetLimitColumns = new("sheet.limitColumns", "this row has more than {max} columns", "这一行超过 {max} 列");
    public static readonly ReasonText SheetLimitCell = new("sheet.limitCell",
        "a cell holds more than {max} characters (the most a spreadsheet cell holds)", "单元格超过 {max} 个字符（电子表格单元格的上限）");
    public static readonly ReasonText FileLimitQuestions = new("file.limitQuestions",
        "the file holds more than {max} questions; split it into several files", "文件超过 {max} 道题，请拆成几个文件");
    public static readonly ReasonText SheetEmpty = new("sheet.empty",
        "the file is empty: expected a header row ({headers}) and one question per row", "文件为空：第一行应为表头（{headers}），之后每行一题");
    public static readonly ReasonText SheetNoQuestions = new("sheet.noQuestions", "the file has a header row but no questions", "文件只有表头，没有题目");
    public static readonly ReasonText HeaderRepeat = new("header.repeat", "the column {column} appears twice in the header", "表头中“{column}”列出现了两次");
    public static readonly ReasonText HeaderMissing = new("header.missing",
        "the header row lacks {missing}. Expected columns: {headers}. If the names look garbled, save the file as UTF-8 or GBK (GB18030)",
        "表头缺少 {missing}。应有的列：{headers}。如果列名是乱码，请把文件另存为 UTF-8 或 GBK（GB18030）");
    public static readonly ReasonText HeaderMissingUnknown = new("header.missingUnknown",
        "the header row lacks {missing}; not recognised: {unknown}. Expected columns: {headers}. If the names look garbled, save the file as UTF-8 or GBK (GB18030)",
        "表头缺少 {missing}；无法识别的列：{unknown}。应有的列：{headers}。如果列名是乱码，请把文件另存为 UTF-8 或 GBK（GB18030）");
    public static readonly ReasonText JsonInvalid = new("json.invalid", "the file is not valid JSON at line {line}", "文件不是有效的 JSON（第 {line} 行有误）");
    public static readonly ReasonText JsonShape = new("json.shape", "expected {\"format\": \"{format}\", \"questions\": [...]}", "应为 {\"format\": \"{format}\", \"questions\": [...]} 的形式");
    public static readonly ReasonText JsonFormat = new("json.format", "unknown format '{value}'; this server reads {format}", "无法识别的格式“{value}”，本系统读取 {format}");
    public static readonly ReasonText JsonNotObject = new("json.notObject", "each question is a JSON object", "每道题应是一个 JSON 对象");
    public static readonly ReasonText JsonNoQuestions = new("json.noQuestions", "the file has no questions", "文件中没有题目");
    public static readonly ReasonText JsonUnknownProperty = new("json.unknownProperty", "unknown property '{name}' (known: {known})", "未知属性“{name}”（可用：{known}）");
    public static readonly ReasonText JsonNotText = new("json.notText", "{name} should be text, not {kind}", "{name} 应为文本，而不是 {kind}");
    public static readonly ReasonText JsonNotList = new("json.notList", "{name} should be a list of texts", "{name} 应为文本列表");
    public static readonly ReasonText GiftNoQuestions = new("gift.noQuestions", "the file has no GIFT questions", "文件中没有 GIFT 题目");
    public static readonly ReasonText GiftMeta = new("gift.meta", "the '// quiz:' comment is not a JSON object", "“// quiz:”注释不是 JSON 对象");
    public static readonly ReasonText GiftTitle = new("gift.title", "the title ::...:: is not closed", "标题 ::...:: 没有闭合");
    public static readonly ReasonText GiftNoAnswers = new("gift.noAnswers", "no answer block {...} in this question", "这道题没有答案块 {...}");
    public static readonly ReasonText GiftUnclosed = new("gift.unclosed", "the answer block { is not closed with }", "答案块 { 没有用 } 闭合");
    public static readonly ReasonText GiftNumerical = new("gift.numerical", "numerical GIFT questions are not supported", "不支持 GIFT 数值题");
    public static readonly ReasonText GiftEmptyAnswers = new("gift.emptyAnswers", "the answer block is empty (essay questions are not supported)", "答案块为空（不支持问答题）");
    public static readonly ReasonText GiftMatching = new("gift.matching",
        "matching questions are read only as ordering: each line '=item -> position'", "匹配题只按排序题读取：每行写成“=选项 -> 位置”");

    // ---- the upload and the requests around it (Features/Banks, Api/BankFilesApi)
    public static readonly ReasonText UploadFormat = new("upload.format",
        "say which format the file is in: ?format=xlsx, csv, json or gift (or send a file name with that extension)",
        "无法判断文件格式：请上传扩展名为 xlsx、csv、json 或 gift 的文件，或加上 ?format=");
    public static readonly ReasonText UploadBusy = new("upload.busy",
        "another file is being imported on this server; try again in a moment", "服务器正在导入另一个文件，请稍后再试");
    public static readonly ReasonText UploadNoFile = new("upload.noFile", "send the file in a multipart form field named 'file'", "请在表单字段 file 中上传文件");
    public static readonly ReasonText UploadUnreadable = new("upload.unreadable", "the upload could not be read: {detail}", "上传的内容无法读取：{detail}");
    public static readonly ReasonText UploadTooLarge = new("upload.tooLarge",
        "the file is larger than {mb} MB; split it into several imports", "文件超过 {mb} MB，请拆成几次导入");
    public static readonly ReasonText ExportFormat = new("export.format", "unknown format '{value}'; use xlsx, csv, json or gift", "无法识别的格式“{value}”，请用 xlsx、csv、json 或 gift");
    public static readonly ReasonText TemplateFormat = new("template.format", "templates exist for xlsx and csv", "模板只有 xlsx 和 csv 两种");
    public static readonly ReasonText NameEmpty = new("name.empty", "is required", "不能为空");
    public static readonly ReasonText NameTooLong = new("name.tooLong", "at most {max} characters", "最多 {max} 个字符");
    public static readonly ReasonText KeyTaken = new("key.taken", "bank '{bank}' already has a question with key '{key}'", "本题库已有编号为“{key}”的题目");

    /// <summary>Every entry above.</summary>
    public static IReadOnlyList<ReasonText> All => AllTexts.Value;

    private static readonly Lazy<IReadOnlyList<ReasonText>> AllTexts = new(() => ReasonText.TableOf(typeof(BankReasons)));
}
