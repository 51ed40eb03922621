"""The documents LiftDesk prints, by kind, as their printed titles: the documents use them as
titles and file names, the diary and the GUI name a printed one by them."""

KIND_NAMES = {"consent-form": "加装电梯业主意见征询表", "consent-letters": "书面同意书", "signin": "会议签到表",
              "minutes": "会议纪要", "notice": "加装电梯公示", "diary": "电梯日记", "proxy-form": "授权委托书", "cost-agreement": "费用分摊协议",
              "visit-list": "走访清单", "upkeep-record": "年度维保记录", "objection-record": "异议处理记录"}
