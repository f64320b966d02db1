// Texts of every page in Simplified Chinese (the default) and English. One dictionary, no build step.
const zh = {
  "app": "科普知识竞赛", "lang.switch": "English", "hc.on": "大字高对比", "hc.off": "标准显示",
  "reconnecting": "网络不稳定，重新连接中…", "superseded": "您已在另一台设备或页面上登录，本页不再作答。",
  "home.title": "科普知识竞赛平台", "home.play": "参赛答题（手机）", "home.host": "主持人控制台", "home.screen": "大屏幕", "home.admin": "组织者管理",
  "home.play.desc": "输入6位参赛码或扫描二维码", "home.host.desc": "开始、下一题、揭晓、排行榜", "home.screen.desc": "投影显示题目、倒计时和排行榜", "home.admin.desc": "题库导入、创建比赛、导出成绩",
  // participant
  "join.title": "加入比赛", "join.code": "参赛码（6位数字）", "join.nickname": "昵称（将显示在排行榜上）", "join.team": "队伍（选填）",
  "join.unit": "单位（选填）", "join.district": "区县（选填）", "join.district.none": "不选择", "join.submit": "加入比赛",
  "join.busy": "正在加入…", "join.more": "填写队伍、单位、区县（选填）",
  "err.unknown_code": "参赛码不正确，请核对后重试。", "err.contest_ended": "比赛已经结束。", "err.late_join_closed": "比赛已开始，不能再加入。",
  "err.invalid": "请检查填写的内容。", "err.network": "无法连接服务器，请检查网络后重试。", "err.unknown_token": "登录已失效，请重新加入。",
  "lobby.title": "已加入，请等待主持人开始", "lobby.hello": "您好，{name}", "lobby.count": "已有 {n} 人加入",
  "q.progress": "第 {n} / {total} 题", "q.points": "{p} 分", "q.left": "剩余 {s} 秒", "q.ready": "准备…", "q.paused": "已暂停",
  "q.closed": "本题已截止", "q.type.single": "单选题", "q.type.multiple": "多选题（可选多项）", "q.type.truefalse": "判断题",
  "q.type.fill": "填空题", "q.type.ordering": "排序题（按正确顺序依次点击）", "q.confirm": "确认提交", "q.fill.label": "您的答案",
  "q.submit": "提交答案", "q.reset": "重新选择", "q.sending": "正在提交…", "q.acked": "已提交，等待揭晓答案", "q.duplicate": "已提交过答案，以第一次为准",
  "q.late": "提交时本题已截止", "q.invalid": "答案未被接受：{r}", "q.noanswer": "本题未作答", "q.order.picked": "已选顺序",
  "r.right": "回答正确", "r.partial": "部分正确", "r.wrong": "回答错误", "r.none": "未作答", "r.key": "正确答案：{k}", "r.explanation": "解析",
  "r.points": "本题得分 {p}", "r.correct": "{c} / {n} 人答对",
  "s.score": "总分", "s.rank": "排名", "s.rankOf": "第 {r} 名 / 共 {n} 人", "s.team": "队伍排名", "s.unit": "单位排名", "s.district": "区县排名",
  "s.streak": "连对 {n} 题", "s.title": "我的成绩", "ended.title": "比赛结束，感谢参与！", "board.wait": "请看大屏幕上的排行榜",
  // host
  "host.title": "主持人控制台", "host.connect": "进入控制台", "host.contest": "比赛编号", "host.key": "主持人密钥",
  "host.key.note": "密钥只保存在本页地址的 # 之后，不会发送到服务器日志。请勿外传。", "host.code": "参赛码", "host.screen": "打开大屏幕",
  "host.state": "状态", "host.participants": "参赛人数", "host.answers": "已作答", "host.question": "当前题目",
  "move.start": "开始", "move.next": "下一题", "move.close": "截止作答", "move.reveal": "揭晓答案", "move.board": "排行榜",
  "move.pause": "暂停", "move.resume": "继续", "move.end": "结束比赛", "host.end.confirm": "确定结束比赛吗？结束后不能继续。",
  "host.keys": "键盘快捷键：S 开始，N 下一题，C 截止，R 揭晓，B 排行榜，P 暂停/继续，E 结束",
  "host.stage": "舞台竞赛（抢答、评判）", "host.stage.note": "抢答顺序与评判按钮将随“舞台竞赛”功能提供，当前版本尚未启用。",
  "host.judge.right": "判对", "host.judge.wrong": "判错", "host.buzz": "抢答顺序", "host.last": "上一题结果", "host.top": "个人前十",
  "err.forbidden": "主持人密钥不正确。", "err.not_found": "找不到该比赛。", "err.invalid_move": "现在不能这样操作：", "err.busy": "服务器繁忙，请稍后重试。",
  "status.lobby": "等待开始", "status.open": "作答中", "status.closed": "已截止", "status.revealed": "已揭晓", "status.board": "排行榜", "status.ended": "已结束",
  // screen
  "screen.enter": "输入参赛码以显示大屏", "screen.show": "显示", "screen.scan": "扫码参加", "screen.orvisit": "或打开 {url} 输入参赛码",
  "screen.joined": "已加入 {n} 人", "screen.answered": "已作答 {a} / {n}", "screen.persons": "个人排行", "screen.teams": "队伍排行",
  "screen.districts": "区县排行", "screen.units": "单位排行", "screen.perhead": "人均", "screen.people": "人数", "screen.score": "得分",
  "screen.podium": "冠军榜", "screen.closed": "停止作答", "screen.revealed": "答案揭晓", "screen.dist": "答案分布", "screen.right": "正确",
  "screen.partialAns": "部分正确", "screen.wrongAns": "错误", "screen.noboard": "暂无数据",
  // admin
  "admin.title": "组织者管理", "admin.banks": "题库", "admin.contests": "创建比赛", "admin.results": "成绩导出",
  "bank.new": "新建题库", "bank.name": "题库名称", "bank.create": "创建", "bank.count": "题数", "bank.updated": "更新时间",
  "bank.open": "打开", "bank.rename": "改名", "bank.delete": "删除", "bank.delete.confirm": "确定删除题库“{name}”吗？",
  "bank.rename.prompt": "新的题库名称", "bank.export": "导出", "bank.templates": "导入模板：", "bank.none": "还没有题库。",
  "import.title": "导入题目", "import.file": "选择文件（xlsx、csv、json、gift）", "import.dry": "只检查不导入（试运行）", "import.go": "导入",
  "import.ok": "导入成功：新增 {a}，更新 {u}，未变 {c}。", "import.dryok": "检查通过（未写入）：将新增 {a}，更新 {u}，未变 {c}。",
  "import.failed": "文件有 {n} 处错误，没有导入任何题目。请修改后重新导入。", "import.row": "行", "import.col": "列", "import.reason": "原因",
  "search.title": "浏览与搜索", "search.text": "关键词", "search.type": "题型", "search.any": "全部", "search.category": "分类",
  "search.difficulty": "难度", "search.retired": "包括已停用", "search.go": "搜索", "search.total": "共 {n} 题", "search.prev": "上一页", "search.next": "下一页",
  "search.page": "第 {p} / {n} 页", "q.stem": "题干", "q.answer": "答案", "q.edit": "编辑", "q.retire": "停用", "q.retired": "已停用",
  "edit.title": "编辑题目", "edit.options": "选项（每行一个）", "edit.explanation": "解析", "edit.tags": "标签（逗号分隔）", "edit.save": "保存", "edit.cancel": "取消",
  "edit.saved": "已保存。", "type.single": "单选", "type.multiple": "多选", "type.truefalse": "判断", "type.fill": "填空", "type.ordering": "排序",
  "c.title": "比赛名称", "c.round": "第 {n} 轮", "c.addRound": "添加一轮", "c.removeRound": "删除本轮", "c.roundTitle": "本轮名称", "c.bank": "题库",
  "c.mode": "选题方式", "c.mode.pick": "从搜索结果中挑选", "c.mode.blueprint": "按规则抽题", "c.picked": "已选 {n} 题", "c.add": "加入",
  "c.added": "已加入", "c.rule.count": "题数", "c.addRule": "添加规则", "c.preset": "规则模板", "c.time": "每题时间（秒）", "c.pointsPer": "每题分值",
  "c.speed": "速度加权（越快得分越高）", "c.streak": "连对奖励分", "c.penalty": "答错扣分", "c.partial": "多选/排序按比例给分",
  "c.boardTiming": "排行榜显示", "c.board.each": "每题之后", "c.board.rounds": "每轮结束后", "c.lateJoin": "允许比赛开始后加入",
  "c.create": "创建比赛", "c.created": "比赛已创建", "c.joinCode": "参赛码", "c.hostLink": "主持人链接（含密钥，请妥善保管，勿外传）",
  "c.screenLink": "大屏幕链接", "c.playLink": "参赛链接", "c.id": "比赛编号", "c.hostKey": "主持人密钥", "c.copy": "复制",
  "preset.quick": "大众快答：20秒，100分，速度加权，连对奖励", "preset.standard": "标准竞答：30秒，不计速度", "preset.strict": "严格模式：答错扣50分",
  "res.title": "导出比赛成绩", "res.contest": "比赛编号", "res.key": "主持人密钥", "res.download": "下载成绩（CSV）", "res.done": "已下载。",
  "err.generic": "操作失败：{m}",
  "login.title": "组织者登录", "login.user": "用户名", "login.password": "密码", "login.go": "登录",
  "login.failed": "用户名或密码不正确。", "login.throttled": "尝试次数过多，请一分钟后再试。",
  // online round
  "round.app": "网络知识竞赛", "round.offline": "网络中断，答案会在恢复后自动保存。", "round.enter": "进入答题", "round.code": "个人参赛码",
  "round.useCode": "用参赛码进入", "round.or": "没有参赛码？填写信息报名：", "round.name": "姓名", "round.register": "报名并进入",
  "round.rules": "每人只能答一次。开始后计时，时间到自动交卷；中途刷新或换设备可继续作答，剩余时间以服务器为准。", "round.start": "开始答题",
  "round.left": "剩余时间", "round.prev": "上一题", "round.next": "下一题", "round.map": "题目导航", "round.submit": "交卷",
  "round.save.none": "未作答", "round.save.saving": "保存中…", "round.save.saved": "已保存", "round.save.retrying": "保存失败，正在重试…",
  "round.timeUp": "时间到，正在自动交卷…", "round.confirm": "确定交卷吗？交卷后不能修改。", "round.confirmOpen": "还有 {n} 题未作答，确定交卷吗？交卷后不能修改。",
  "round.done": "已交卷，感谢参与！", "round.autoDone": "时间到，已自动交卷。", "round.used": "用时", "round.usedValue": "{m} 分 {s} 秒",
  "round.later": "成绩和排名将于 {at} 竞赛结束后公布。", "round.boards": "各区县、各单位参与情况", "round.group": "名称", "round.took": "参与人数",
  "round.opens": "开始时间", "round.closes": "截止时间", "round.limit": "答题时限", "round.minutes": "{n} 分钟", "round.count": "题量", "round.items": "{n} 题",
  "round.upcoming": "竞赛将于 {at} 开始，请届时再来。", "round.closed": "竞赛已截止。",
  "round.err.no_round": "链接不完整或竞赛不存在，请使用组织者发送的链接。", "round.err.round_not_open": "竞赛尚未开始。", "round.err.round_closed": "竞赛已截止。",
  "round.err.attempt_used": "您已经参加过本次竞赛，每人只能答一次。", "round.err.unauthorized": "参赛码不正确。", "round.err.roster_only": "本次竞赛只限名单内人员，请使用个人参赛码。",
  "round.err.network": "无法连接服务器，请检查网络。", "round.err.invalid": "请检查填写的内容。",
  "admin.online": "网络竞赛", "or.title": "创建网络知识竞赛（每人随机组卷，限时，一人一次）", "or.opens": "开始时间", "or.closes": "截止时间",
  "or.limit": "答题时限（分钟）", "or.results": "成绩公布", "or.atClose": "竞赛截止后", "or.immediately": "交卷后立即", "or.self": "允许自行报名（不在名单也可参加）",
  "or.create": "创建网络竞赛", "or.created": "已创建：题池 {pool} 题，每卷 {paper} 题", "or.link": "参赛链接", "or.roster": "导入参赛名单",
  "or.rosterHelp": "每行一人：姓名,工号,单位,区县,手机（后三项选填）。每人得到一个个人链接，只显示这一次，请下载保存后发给本人。",
  "or.import": "导入名单", "or.staffId": "工号", "or.codes": "个人链接已生成：", "or.exports": "网络竞赛成绩导出", "or.export.results": "成绩", "or.export.questions": "试题统计",
};

const en = {
  "app": "Science Quiz", "lang.switch": "中文", "hc.on": "Large, high contrast", "hc.off": "Standard display",
  "reconnecting": "Connection lost, reconnecting…", "superseded": "You signed in on another page or device; this page no longer answers.",
  "home.title": "Science literacy quiz", "home.play": "Play (phone)", "home.host": "Host console", "home.screen": "Big screen", "home.admin": "Organizer admin",
  "home.play.desc": "Enter the 6-digit code or scan the QR code", "home.host.desc": "Start, next, reveal, leaderboard", "home.screen.desc": "Question, countdown and boards on the projector", "home.admin.desc": "Import banks, create contests, export results",
  "join.title": "Join the contest", "join.code": "Join code (6 digits)", "join.nickname": "Nickname (shown on the leaderboard)", "join.team": "Team (optional)",
  "join.unit": "Organization (optional)", "join.district": "District (optional)", "join.district.none": "None", "join.submit": "Join",
  "join.busy": "Joining…", "join.more": "Team, organization, district (optional)",
  "err.unknown_code": "That code is not right. Please check it and try again.", "err.contest_ended": "The contest has ended.", "err.late_join_closed": "The contest has started; joining is closed.",
  "err.invalid": "Please check what you entered.", "err.network": "Cannot reach the server. Check the network and try again.", "err.unknown_token": "Your session expired. Please join again.",
  "lobby.title": "You're in. Waiting for the host to start", "lobby.hello": "Hello, {name}", "lobby.count": "{n} joined so far",
  "q.progress": "Question {n} of {total}", "q.points": "{p} pts", "q.left": "{s} s left", "q.ready": "Get ready…", "q.paused": "Paused",
  "q.closed": "Time is up", "q.type.single": "Single choice", "q.type.multiple": "Multiple choice (pick all that apply)", "q.type.truefalse": "True or false",
  "q.type.fill": "Fill in the blank", "q.type.ordering": "Ordering (tap the items in the right order)", "q.confirm": "Submit", "q.fill.label": "Your answer",
  "q.submit": "Submit", "q.reset": "Start over", "q.sending": "Sending…", "q.acked": "Answer received. Wait for the reveal", "q.duplicate": "You already answered; the first answer counts",
  "q.late": "Too late: the question had closed", "q.invalid": "Answer not accepted: {r}", "q.noanswer": "Not answered", "q.order.picked": "Your order",
  "r.right": "Right!", "r.partial": "Partly right", "r.wrong": "Wrong", "r.none": "Not answered", "r.key": "Answer: {k}", "r.explanation": "Explanation",
  "r.points": "Points for this question: {p}", "r.correct": "{c} of {n} got it right",
  "s.score": "Score", "s.rank": "Rank", "s.rankOf": "#{r} of {n}", "s.team": "Team rank", "s.unit": "Organization rank", "s.district": "District rank",
  "s.streak": "{n} in a row", "s.title": "My results", "ended.title": "The contest is over. Thank you!", "board.wait": "See the leaderboard on the big screen",
  "host.title": "Host console", "host.connect": "Open console", "host.contest": "Contest id", "host.key": "Host key",
  "host.key.note": "The key stays after the # of this page's address and never reaches server logs. Keep it secret.", "host.code": "Join code", "host.screen": "Open big screen",
  "host.state": "State", "host.participants": "Participants", "host.answers": "Answered", "host.question": "Current question",
  "move.start": "Start", "move.next": "Next", "move.close": "Close", "move.reveal": "Reveal", "move.board": "Board",
  "move.pause": "Pause", "move.resume": "Resume", "move.end": "End contest", "host.end.confirm": "End the contest? It cannot be continued afterwards.",
  "host.keys": "Shortcuts: S start, N next, C close, R reveal, B board, P pause/resume, E end",
  "host.stage": "Stage contest (buzz-in, judging)", "host.stage.note": "Buzz order and judge buttons come with the stage-contest feature; not enabled yet.",
  "host.judge.right": "Judge right", "host.judge.wrong": "Judge wrong", "host.buzz": "Buzz order", "host.last": "Last question", "host.top": "Top 10",
  "err.forbidden": "The host key is not right.", "err.not_found": "No such contest.", "err.invalid_move": "Not possible now: ", "err.busy": "The server is busy; try again.",
  "status.lobby": "Lobby", "status.open": "Answering", "status.closed": "Closed", "status.revealed": "Revealed", "status.board": "Leaderboard", "status.ended": "Ended",
  "screen.enter": "Enter the join code to show the big screen", "screen.show": "Show", "screen.scan": "Scan to join", "screen.orvisit": "or open {url} and enter the code",
  "screen.joined": "{n} joined", "screen.answered": "Answered {a} / {n}", "screen.persons": "Individuals", "screen.teams": "Teams",
  "screen.districts": "Districts", "screen.units": "Organizations", "screen.perhead": "Per head", "screen.people": "People", "screen.score": "Score",
  "screen.podium": "Champions", "screen.closed": "Time is up", "screen.revealed": "The answer", "screen.dist": "How people answered", "screen.right": "Right",
  "screen.partialAns": "Partly right", "screen.wrongAns": "Wrong", "screen.noboard": "No data yet",
  "admin.title": "Organizer admin", "admin.banks": "Banks", "admin.contests": "New contest", "admin.results": "Results",
  "bank.new": "New bank", "bank.name": "Bank name", "bank.create": "Create", "bank.count": "Questions", "bank.updated": "Updated",
  "bank.open": "Open", "bank.rename": "Rename", "bank.delete": "Delete", "bank.delete.confirm": "Delete the bank “{name}”?",
  "bank.rename.prompt": "New bank name", "bank.export": "Export", "bank.templates": "Import templates:", "bank.none": "No banks yet.",
  "import.title": "Import questions", "import.file": "File (xlsx, csv, json, gift)", "import.dry": "Check only (dry run)", "import.go": "Import",
  "import.ok": "Imported: {a} added, {u} updated, {c} unchanged.", "import.dryok": "Check passed (nothing written): {a} to add, {u} to update, {c} unchanged.",
  "import.failed": "The file has {n} errors; nothing was imported. Fix them and import again.", "import.row": "Row", "import.col": "Column", "import.reason": "Reason",
  "search.title": "Browse and search", "search.text": "Text", "search.type": "Type", "search.any": "Any", "search.category": "Category",
  "search.difficulty": "Difficulty", "search.retired": "Include retired", "search.go": "Search", "search.total": "{n} questions", "search.prev": "Previous", "search.next": "Next",
  "search.page": "Page {p} of {n}", "q.stem": "Question", "q.answer": "Answer", "q.edit": "Edit", "q.retire": "Retire", "q.retired": "Retired",
  "edit.title": "Edit question", "edit.options": "Options (one per line)", "edit.explanation": "Explanation", "edit.tags": "Tags (comma separated)", "edit.save": "Save", "edit.cancel": "Cancel",
  "edit.saved": "Saved.", "type.single": "Single", "type.multiple": "Multiple", "type.truefalse": "True/false", "type.fill": "Fill-in", "type.ordering": "Ordering",
  "c.title": "Contest title", "c.round": "Round {n}", "c.addRound": "Add a round", "c.removeRound": "Remove round", "c.roundTitle": "Round title", "c.bank": "Bank",
  "c.mode": "Questions", "c.mode.pick": "Pick from search results", "c.mode.blueprint": "Draw by rules", "c.picked": "{n} picked", "c.add": "Add",
  "c.added": "Added", "c.rule.count": "Count", "c.addRule": "Add rule", "c.preset": "Rules template", "c.time": "Seconds per question", "c.pointsPer": "Points per question",
  "c.speed": "Speed weighted (faster earns more)", "c.streak": "Streak bonus", "c.penalty": "Wrong-answer penalty", "c.partial": "Partial credit for multiple/ordering",
  "c.boardTiming": "Show the board", "c.board.each": "After each question", "c.board.rounds": "Between rounds", "c.lateJoin": "Allow joining after the start",
  "c.create": "Create contest", "c.created": "Contest created", "c.joinCode": "Join code", "c.hostLink": "Host link (contains the key: keep it secret)",
  "c.screenLink": "Big screen link", "c.playLink": "Player link", "c.id": "Contest id", "c.hostKey": "Host key", "c.copy": "Copy",
  "preset.quick": "Quick mass quiz: 20 s, 100 pts, speed weighted, streak bonus", "preset.standard": "Standard: 30 s, speed not counted", "preset.strict": "Strict: wrong answers −50",
  "res.title": "Export results", "res.contest": "Contest id", "res.key": "Host key", "res.download": "Download results (CSV)", "res.done": "Downloaded.",
  "err.generic": "Failed: {m}",
  "login.title": "Organizer login", "login.user": "User name", "login.password": "Password", "login.go": "Log in",
  "login.failed": "The user name or the password is wrong.", "login.throttled": "Too many tries; wait a minute and try again.",
  // online round
  "round.app": "Online quiz", "round.offline": "Offline: your answers are saved as soon as the connection is back.", "round.enter": "Enter", "round.code": "Personal code",
  "round.useCode": "Enter with my code", "round.or": "No code? Register:", "round.name": "Name", "round.register": "Register and enter",
  "round.rules": "One attempt per person. The clock starts when you start and the paper is handed in when time is up; reload or switch devices to continue, the server keeps the time.", "round.start": "Start",
  "round.left": "Time left", "round.prev": "Previous", "round.next": "Next", "round.map": "Questions", "round.submit": "Hand in",
  "round.save.none": "Not answered", "round.save.saving": "Saving…", "round.save.saved": "Saved", "round.save.retrying": "Not saved, retrying…",
  "round.timeUp": "Time is up, handing in…", "round.confirm": "Hand in now? Answers cannot change afterwards.", "round.confirmOpen": "{n} questions are unanswered. Hand in now? Answers cannot change afterwards.",
  "round.done": "Handed in. Thank you!", "round.autoDone": "Time was up; your paper was handed in.", "round.used": "Time used", "round.usedValue": "{m} min {s} s",
  "round.later": "Scores and ranks are published after the close, {at}.", "round.boards": "Districts and units", "round.group": "Name", "round.took": "Took part",
  "round.opens": "Opens", "round.closes": "Closes", "round.limit": "Time limit", "round.minutes": "{n} min", "round.count": "Questions", "round.items": "{n}",
  "round.upcoming": "The round opens at {at}.", "round.closed": "The round has closed.",
  "round.err.no_round": "The link is incomplete or the round does not exist.", "round.err.round_not_open": "The round has not opened yet.", "round.err.round_closed": "The round has closed.",
  "round.err.attempt_used": "You have taken this round already; one attempt per person.", "round.err.unauthorized": "The personal code is not valid.", "round.err.roster_only": "This round is for the people on its roster; use your personal code.",
  "round.err.network": "Cannot reach the server; check the connection.", "round.err.invalid": "Please check what you entered.",
  "admin.online": "Online rounds", "or.title": "Create an online round (a paper per person, timed, one attempt)", "or.opens": "Opens",
  "or.closes": "Closes", "or.limit": "Time limit (minutes)", "or.results": "Results", "or.atClose": "After the close", "or.immediately": "On hand-in",
  "or.self": "Allow self-registration (people not on the roster)", "or.create": "Create online round", "or.created": "Created: a pool of {pool}, {paper} per paper",
  "or.link": "Link", "or.roster": "Import the roster", "or.rosterHelp": "One person per line: name,staff id,unit,district,phone (the last three optional). Each gets a personal link, shown only now: download it and send it to them.",
  "or.import": "Import roster", "or.staffId": "Staff id", "or.codes": "Personal links:", "or.exports": "Online round exports", "or.export.results": "Results", "or.export.questions": "Question statistics",
};

const dictionaries = { "zh-CN": zh, en };
const listeners = [];
let lang = localStorage.getItem("quiz.lang") === "en" ? "en" : "zh-CN";

export const currentLang = () => lang;

/** The text for key in the current language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const text = dictionaries[lang][key] ?? zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** Fills data-i18n (text), data-i18n-placeholder, data-i18n-aria (aria-label) and data-i18n-title under root. */
export function applyI18n(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
}

export function setLang(value) {
  lang = value === "en" ? "en" : "zh-CN";
  localStorage.setItem("quiz.lang", lang);
  applyI18n();
  for (const listener of listeners) listener(lang);
}

/** Pages redraw their dynamic parts through this when the language changes. */
export const onLangChange = listener => listeners.push(listener);
