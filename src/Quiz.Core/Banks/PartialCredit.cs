namespace Quiz.Core.Banks;

/// <summary>How multiple-choice and ordering questions score a response that is not wholly right.</summary>
public enum PartialCredit
{
    /// <summary>Only the exact answer scores.</summary>
    None,

    /// <summary>
    /// 少选得分, 错选不得分: a multiple-choice response with no wrong option earns the share of right options chosen;
    /// an ordering response earns the share of items in their right place.
    /// </summary>
    Proportional,
}
