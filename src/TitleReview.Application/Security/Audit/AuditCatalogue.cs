namespace TitleReview.Application.Security.Audit;

/// <summary>How the audit trail treats a use case's request (ADR 0053).</summary>
public enum AuditKind
{
    /// <summary>A query: no row.</summary>
    Read,

    /// <summary>A command: a row with its outcome, refused or not.</summary>
    Command,

    /// <summary>A query that opens a dossier, a scan or a document: a row when someone other than the applicant opens it.</summary>
    Opening,
}

/// <summary>
/// Every use case's kind and, for commands and openings, its Chinese name. A request whose name
/// starts with Get, List, Find, Search, Export or Preview is a query unless named here; every
/// other request must be named here (the architecture test fails on a new command without a
/// name, so no command goes unaudited).
/// </summary>
public static class AuditCatalogue
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Find", "Search", "Export", "Preview", "Count"];

    private static readonly Dictionary<string, string> CommandNames = new(StringComparer.Ordinal)
    {
        ["AcceptPledge"] = "评审专家签署承诺",
        ["AddDossierItem"] = "添加申报材料条目",
        ["AddFailureReason"] = "新增初审不通过原因",
        ["AddIntegrityFinding"] = "录入诚信记录",
        ["AddIntegrityNote"] = "添加诚信案件记录",
        ["AddIntegrityScan"] = "上传诚信案件证据",
        ["ApproveDossier"] = "单位审核通过申报材料",
        ["ApproveRegistration"] = "审核通过单位注册",
        ["AssignDefenseSlot"] = "安排答辩人",
        ["CastBallots"] = "评审专家投票",
        ["ChangeCommitteeList"] = "调整评审名单",
        ["ChangeCommitteeTerms"] = "修改评审会议规则",
        ["ChangePreliminaryDecision"] = "更改初审结论",
        ["CheckInEnvelope"] = "纸质材料签收",
        ["CloseVotingSession"] = "结束表决",
        ["CommitSpotCheck"] = "公布抽查承诺值",
        ["CompleteExpertProfile"] = "完善评审专家信息",
        ["ConcludeOriginalsCheck"] = "完成原件复核",
        ["ConfigureCertificateNumbering"] = "设置证书编号规则",
        ["ConfirmRegistration"] = "确认单位注册",
        ["ConfirmRevote"] = "确认重新表决",
        ["CopyCampaign"] = "复制评审年度",
        ["CreateBulkOperation"] = "发起批量操作",
        ["CreateCampaignFromTimeline"] = "按时间表创建评审年度",
        ["CreateExpert"] = "新增评审专家",
        ["DecideIntegrityCase"] = "作出诚信案件处理决定",
        ["DecideStatementRow"] = "处理银行流水",
        ["DecideSupplement"] = "审核补充材料",
        ["DeclareConflicts"] = "申报回避关系",
        ["DefineSpotCheck"] = "设置抽查规则",
        ["DeleteDossierItem"] = "删除申报材料条目",
        ["DeleteFailureReason"] = "删除初审不通过原因",
        ["DrawSpotCheck"] = "抽查摇号",
        ["EditExpert"] = "修改评审专家信息",
        ["EndNegativeListing"] = "提前结束负面清单公示",
        ["FailPreliminary"] = "初审不通过",
        ["FireTrigger"] = "执行流程操作",
        ["FormCommittee"] = "组建评审委员会",
        ["GrantPaperException"] = "准予纸质材料延期",
        ["ImportStatement"] = "导入银行流水",
        ["IssueCertificates"] = "发放证书",
        ["MarkAllNotificationsRead"] = "全部通知标记为已读",
        ["MarkNotificationRead"] = "通知标记为已读",
        ["MoveFailureReason"] = "调整初审不通过原因顺序",
        ["OpenIntegrityCase"] = "立案（诚信案件）",
        ["OpenPaperDelivery"] = "开始纸质材料签收",
        ["OpenVotingSession"] = "开始表决",
        ["PassPreliminary"] = "初审通过",
        ["PublishCommitteeList"] = "公示评审名单",
        ["PublishCommitteeResults"] = "公示评审结果",
        ["PublishDefenseSchedule"] = "公布答辩安排",
        ["PublishNegativeListing"] = "公示负面清单",
        ["PublishOfficeDetails"] = "发布年度办理信息",
        ["PublishPreliminaryResults"] = "公示初审结果",
        ["PutUnitOnNegativeList"] = "将单位列入负面清单",
        ["ReconcilePayment"] = "核对缴费",
        ["RecordCertificateCollection"] = "登记证书领取",
        ["RecordDefenseAttendance"] = "登记答辩出席",
        ["RecordDefenseConclusion"] = "登记答辩结论",
        ["RecordFeedback"] = "登记单位公示反馈",
        ["RecordOriginals"] = "登记原件复核",
        ["RecordReviewFormOpinions"] = "填写评审表意见",
        ["RecordTransfer"] = "登记转账",
        ["RecordUnitPublicity"] = "登记单位公示结果",
        ["RegisterApplicant"] = "申报人注册",
        ["RegisterUnit"] = "单位注册",
        ["ReissueAccessToken"] = "重新发放单位访问链接",
        ["ReissueActivation"] = "重新发放激活链接",
        ["RejectRegistration"] = "退回单位注册",
        ["RemoveDefenseSession"] = "删除答辩场次",
        ["RemoveSupplementFile"] = "删除补充材料文件",
        ["RenameFailureReason"] = "修改初审不通过原因",
        ["ReplaceAuditor"] = "更换单位审核员",
        ["RequestRevote"] = "申请重新表决",
        ["ResumeBulkOperation"] = "继续批量操作",
        ["RetryOutboundMessage"] = "重发消息",
        ["ReturnDossier"] = "退回申报材料",
        ["RunMigration"] = "迁移流程版本",
        ["SaveDefenseScore"] = "录入答辩评分",
        ["SaveDefenseSession"] = "保存答辩场次",
        ["SavePersonalInfo"] = "保存个人信息",
        ["SavePrintLayout"] = "保存证书套打版式",
        ["SendReminders"] = "发送截止提醒",
        ["SetExpertActive"] = "启用或停用评审专家",
        ["SetFailureReasonActive"] = "启用或停用初审不通过原因",
        ["StartApplication"] = "开始申报",
        ["StartUnitPublicity"] = "开始单位公示",
        ["SubmitDossier"] = "提交申报材料",
        ["SubmitResultsReport"] = "报送结果公示情况",
        ["SubmitSupplement"] = "提交补充材料",
        ["SubmitToOffice"] = "报送省政工职评办",
        ["SubmitUnitFeedback"] = "提交单位公示反馈",
        ["UnassignDefenseSlot"] = "取消答辩安排",
        ["UpdateLevelRule"] = "修改级别规则",
        ["UpdateStageWindow"] = "修改阶段时间",
        ["UploadAttachment"] = "上传申报材料扫描件",
        ["UploadSupplementFile"] = "上传补充材料文件",
        ["VerifyItem"] = "核验申报材料条目",
        ["WriteOpinion"] = "评审专家填写意见",
        ["ArchiveAuditTrail"] = "归档审计记录",
    };

    private static readonly Dictionary<string, string> OpeningNames = new(StringComparer.Ordinal)
    {
        ["GetDossier"] = "查阅申报材料",
        ["OpenAssignedDossier"] = "评审专家查阅申报材料",
        ["OpenAttachment"] = "查看扫描件",
        ["OpenSupplementFile"] = "查看补充材料文件",
        ["OpenIntegrityScan"] = "查看诚信案件证据",
        ["OpenVoucher"] = "查看转账凭证",
        ["GetDocument"] = "查看生成的文书",
    };

    /// <summary>Queries whose names do not say so.</summary>
    private static readonly HashSet<string> OtherReads = new(StringComparer.Ordinal)
    {
        "VerifyCertificate",
        "VerifyDocument",
        "PrepareBulkOperation",
        "VerifyAuditTrail",
        "VerifyAuditArchive",

        // The security events are rows of the trail themselves (written by their own handler).
        "SecurityEvent",
    };

    public static AuditKind KindOf(Type request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name;
        if (OpeningNames.ContainsKey(name))
        {
            return AuditKind.Opening;
        }

        if (CommandNames.ContainsKey(name))
        {
            return AuditKind.Command;
        }

        return IsRead(name) ? AuditKind.Read : AuditKind.Command;
    }

    /// <summary>The Chinese name of a command or an opening; null when the catalogue has none (a read, or a command someone forgot).</summary>
    public static string? DisplayName(Type request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OpeningNames.GetValueOrDefault(request.Name) ?? CommandNames.GetValueOrDefault(request.Name);
    }

    /// <summary>Whether a request is named as a query, or listed as one.</summary>
    public static bool IsRead(string requestName) =>
        OtherReads.Contains(requestName) || ReadPrefixes.Any(p => requestName.StartsWith(p, StringComparison.Ordinal) && requestName.Length > p.Length && char.IsUpper(requestName[p.Length]));

    /// <summary>The codes and names of the commands, for the search's list of actions.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Named => CommandNames.Concat(OpeningNames);
}
