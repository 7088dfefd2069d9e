// 公示期限与信用修复计算: `python -m tools decide` in the browser.
//
// window.benxiCalculate(input) takes a case in decide's input format (dates as YYYY-MM-DD) and returns an answer
// with decide's output keys, or {errors: [{field, message}]} for input decide would refuse. It mirrors
// tools/domain/decide.py function by function (same names, same order of conclusions and unknowns) on the data
// file written at build time by tools/site/calculator.py from the same domain functions. window.benxiReady is a
// promise that resolves once that data is loaded. The page's form below only builds a case and shows the answer.
// No framework, no request outside the site.
(function () {
  "use strict";

  var script = document.currentScript;
  var DATA = null, W = null, HOLIDAYS = null, WORKING_WEEKENDS = null;

  // -- dates: ISO strings, arithmetic in UTC ----------------------------------------------------------------------

  function toDate(s) {
    var p = s.split("-");
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function addDays(s, n) {
    var d = toDate(s);
    d.setUTCDate(d.getUTCDate() + n);
    return iso(d);
  }
  function isDate(s) { return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && iso(toDate(s)) === s; }
  function today() {
    var d = new Date();
    return iso(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())));
  }

  // durations.Duration.add_to / decide.last_day (民法典第二百零一条、第二百零二条): years and months first, landing
  // on the month's last day when the day does not exist, then weeks and days.
  function lastDay(start, period) {
    var m = /^P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
    var p = start.split("-").map(Number);
    var months = p[0] * 12 + p[1] - 1 + 12 * (+m[1] || 0) + (+m[2] || 0);
    var y = Math.floor(months / 12), mo = months % 12;
    var inMonth = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
    var d = new Date(Date.UTC(y, mo, Math.min(p[2], inMonth)));
    d.setUTCDate(d.getUTCDate() + 7 * (+m[3] || 0) + (+m[4] || 0));
    return iso(d);
  }

  // -- working days (domain.workdays, from the calendar in the data) ------------------------------------------------

  function NotCovered(year) { this.year = year; }
  NotCovered.prototype.zh = function () {
    return this.year + " 年的法定节假日安排尚未收录在所用的节假日日历（" + DATA.calendar.name + "）中："
      + "国务院通常在上一年年底公布，更新日历后才能按工作日计算";
  };
  function covered(day) {
    var years = DATA.calendar.years, y = +day.slice(0, 4);
    if (!years || y < years[0] || y > years[1]) throw new NotCovered(y);
  }
  function isHoliday(day) { covered(day); return HOLIDAYS.has(day); }
  function isWorkday(day) {
    covered(day);
    var weekday = toDate(day).getUTCDay();
    return WORKING_WEEKENDS.has(day) || (weekday >= 1 && weekday <= 5 && !HOLIDAYS.has(day));
  }
  function addWorkingDays(start, days) {
    var day = start, left = days;
    while (left > 0) {
      day = addDays(day, 1);
      if (isWorkday(day)) left -= 1;
    }
    return day;
  }
  function daySet(byYear) {
    var set = new Set();
    Object.keys(byYear).forEach(function (y) {
      byYear[y].split(" ").forEach(function (md) { set.add(y + "-" + md.slice(0, 2) + "-" + md.slice(2)); });
    });
    return set;
  }

  // -- records in the data --------------------------------------------------------------------------------------

  function find(items, id) {
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i];
    return null;
  }
  function regime(id) { return id ? find(DATA.regimes, id) : null; }
  // the value of a timeline [[from, value], …] on a day
  function on(timeline, day) {
    var value = null;
    (timeline || []).forEach(function (t) { if (t[0] === null || t[0] <= day) value = t[1]; });
    return value;
  }
  function zh(value) { return (value && W.durations[value]) || "（无）"; }
  function label(words, key) { return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key; }
  function names(words, keys) { return keys.map(function (k) { return label(words, k); }).join("、"); }
  // citations: {doc, provision, label, title} for a trace, {doc, provision, label} for a measure row's basis
  function cites(refs) {
    return (refs || []).map(function (i) {
      var c = DATA.citations[i];
      return { doc: c[0], provision: c[1], label: c[2], title: DATA.documents[c[0]], evidence: c[3] };
    });
  }
  function basis(refs) {
    return cites(refs).map(function (c) {
      return { doc: c.doc, provision: c.provision, label: c.label, evidence: c.evidence };
    });
  }
  function copy(list) { return list ? list.slice() : []; }
  function has(obj, key) { return obj != null && Object.prototype.hasOwnProperty.call(obj, key); }
  function get(obj, key) { return has(obj, key) ? obj[key] : null; }

  // -- the answer being built (decide.Answer) ---------------------------------------------------------------------

  function Answer(c) {
    this.c = c;
    this.out = {
      case: c.case, as_of: c.as_of, subject: c.subject, information: null, list: null,
      public_credit_information: null, excluded_by: null, regime: null, publication: null, repair: null,
      measures: null, removal: null, unknown: [], trace: [], unverified: [], evidence: null
    };
    this.seen = {};
    this.grades = [];
  }
  Answer.prototype.unknown = function (field, reason) { this.out.unknown.push({ field: field, reason: reason }); };
  Answer.prototype.trace = function (conclusion, applied, refs) {
    this.out.trace.push({ conclusion: conclusion, rule: applied[0], plan_clause: applied[1], citations: cites(refs) });
  };
  // the grades of evidence from strongest to weakest (domain.evidence.weakest)
  var GRADES = ["official", "official_copy", "secondary", "reconstructed"];
  function weakest(grades) {
    var worst = -1;
    for (var i = 0; i < grades.length; i++) {
      var at = GRADES.indexOf(grades[i]);
      if (at < 0) return null;  // a record without a grade: nothing says where its facts were read
      if (at > worst) worst = at;
    }
    return worst < 0 ? null : GRADES[worst];
  }
  Answer.prototype.used = function (rec, kind) {
    if (this.seen[rec.id]) return;
    this.seen[rec.id] = true;
    var grade = has(rec, "evidence") ? rec.evidence : null;
    this.grades.push(grade);
    this.out.evidence = weakest(this.grades);
    if (!rec.verified) this.out.unverified.push({ record: rec.id, name: rec.name, evidence: grade, kind: kind });
  };

  function decide(c) {
    var a = new Answer(c);
    if (c.case === "listing" || (c.case === "repair" && has(c, "list"))) listing(a, c.listed_on);
    else penalty(a, c.decided_on);
    if (c.case === "repair" && a.out.repair !== null) application(a);
    return a.out;
  }

  // -- penalties and other adverse information ------------------------------------------------------------------

  function penalty(a, decidedOn) {
    var entry = information(a);
    a.used(entry, "catalog_entry");
    a.out.information = entry.id;
    if (entry.subjects.indexOf(a.c.subject) < 0) {
      a.unknown("public_credit_information",
        "目录条目“" + entry.name + "”的适用主体中没有" + W.subjects[a.c.subject] + "，无法据此判断");
    } else if (excluded(a, entry)) {
      return;
    } else {
      a.out.public_credit_information = true;
      a.trace("属于公共信用信息（目录条目“" + entry.name + "”）", DATA.applied.information, entry.basis);
    }
    var reg = regimeFor(a, entry, decidedOn);
    var ps = periodOf(a, entry, reg);
    publication(a, reg, ps[0], decidedOn);
    repair(a, entry, reg, ps[0], ps[1]);
  }

  function information(a) {
    var id = get(a.c, "information");
    var entry = id === null ? find(DATA.entries, DATA.default_information) : find(DATA.entries, id);
    if (!entry && id === null) throw caseError("information", "找不到现行全国基础目录的“行政处罚信息”条目");
    if (!entry) throw caseError("information", "没有这一种失信信息");
    return entry;
  }

  // the three exclusions of 方案四（一）1, as the entry declares them
  function excluded(a, entry) {
    var claims = {
      simplified_procedure: a.c.procedure === "simplified",
      minor_corrected: a.c.minor_corrected === true,
      first_offense_corrected: a.c.first_offense_corrected === true
    };
    for (var i = 0; i < DATA.exclusion_flags.length; i++) {
      var key = DATA.exclusion_flags[i];
      if (!claims[key]) continue;
      var decl = entry.exclusions[key] || {};
      if (decl.excluded === true) {
        a.out.public_credit_information = false;
        a.out.excluded_by = key;
        a.trace("不纳入公共信用信息：" + W.exclusions[key] + "（目录条目“" + entry.name + "”的排除声明）",
          DATA.applied.exclusion, decl.basis);
        return true;
      }
      a.trace("目录条目“" + entry.name + "”没有声明排除“" + W.exclusions[key] + "”，照常纳入",
        DATA.applied.exclusion, entry.basis);
    }
    return false;
  }

  // the repair regime in force on the decision date
  function regimeFor(a, entry, decidedOn) {
    var reg = regime(on(DATA.regime_in_force[entry.kind], decidedOn));
    if (!reg) {
      var known = DATA.regimes.filter(function (r) { return r.kinds.indexOf(entry.kind) >= 0; })
        .sort(function (x, y) { return String(x.from) < String(y.from) ? -1 : String(x.from) > String(y.from) ? 1 : 0; });
      var since = known.length ? "本库收录的最早的是 " + known[0].from + " 起施行的“" + known[0].name + "”"
        : "本库没有适用于" + label(W.information_kinds, entry.kind) + "的修复制度";
      a.unknown("regime", "决定日期 " + decidedOn + " 没有施行中的公示与修复制度（" + since + "），公示期限无法确定");
      return null;
    }
    a.used(reg, "repair_regime");
    a.out.regime = reg.id;
    a.trace("适用决定日期 " + decidedOn + " 施行的“" + reg.name + "”", DATA.applied.periods, reg.basis);
    return reg;
  }

  // [the regime's period for the case's severity, that severity] (nulls and an unknown when not known)
  function periodOf(a, entry, reg) {
    if (!reg) return [null, null];
    var periods = reg.periods, keys = Object.keys(periods);
    var severity = get(a.c, "severity") || entry.severity;
    if (!severity) {
      var distinct = {};
      keys.forEach(function (k) {
        var p = periods[k];
        distinct[JSON.stringify([has(p, "maximum") ? [p.maximum] : 0, has(p, "minimum") ? [p.minimum] : 0])] = 1;
      });
      if (Object.keys(distinct).length === 1) return [periods[keys[0]], null]; // the regime does not grade
      a.unknown("severity", "“" + reg.name + "”按失信程度规定不同的公示期限（" + classes(keys)
        + "），输入没有写明 severity" + penaltyHint(a.c));
      return [null, null];
    }
    if (!has(periods, severity)) {
      a.unknown("severity", "“" + reg.name + "”不设“" + label(W.severities, severity) + "”一档（只有"
        + classes(keys) + "），该程度的公示期限无法确定");
      return [null, severity];
    }
    return [periods[severity], severity];
  }
  function classes(keys) { return names(W.severities, keys); }

  // 第36号令第八条至第十条 as a hint only: never a severity
  function penaltyHint(c) {
    var types = (c.penalties || []).map(function (p) { return p.type || ""; });
    if (!types.length) return "";
    var hints = {};
    Object.keys(DATA.penalty_class_hints).forEach(function (sev) {
      types.forEach(function (t) {
        if (DATA.penalty_class_hints[sev].some(function (w) { return t.indexOf(w) >= 0; })) hints[W.severities[sev]] = 1;
      });
    });
    var found = Object.keys(hints).sort();
    var general = found.length ? "按第36号令第八条至第十条的一般分类，所列处罚种类对应：" + found.join("、") + "失信信息；" : "";
    return "。" + general + "但行业主管部门可以另定分类标准（第十一条），本库未收录这些标准，罚款的轻重还取决于各领域规定的"
      + "数额标准，所以不据处罚种类推定程度，请确认后写明 severity";
  }

  function publication(a, reg, period, startsOn) {
    if (!reg) return;
    var start = reg.start;
    var starts = start.from === "decision_date" ? startsOn : null;
    if (starts === null) a.unknown("publication.starts", "“" + reg.name + "”没有写明公示期从哪一天起算");
    var pub = { publish: null, minimum: null, maximum: null, starts: starts, earliest_end: null, latest_end: null };
    a.out.publication = pub;
    if (!period) return;
    pub.publish = get(period, "publish");
    pub.minimum = get(period, "minimum");
    pub.maximum = get(period, "maximum");
    a.trace("公示期限：最短" + zh(pub.minimum) + "，最长" + zh(pub.maximum)
      + (period.publish === false ? "；原则上不公示" : ""), DATA.applied.periods, reg.basis);
    if (starts === null) return;
    a.trace("公示期自 " + starts + " 起算（" + W.period_starts[start.from] + "）", DATA.applied.periods, start.basis);
    ends(a, pub, start.counting);
    acrossRegimes(a, reg, pub);
  }

  function ends(a, pub, counting) {
    if (pub.minimum) pub.earliest_end = lastDay(pub.starts, pub.minimum);
    if (pub.maximum) pub.latest_end = lastDay(pub.starts, pub.maximum);
    if (pub.earliest_end || pub.latest_end) countingTrace(a, pub, "最长期限", counting);
    if (pub.earliest_end) {
      var holiday;
      try { holiday = isHoliday(pub.earliest_end); } catch (e) { if (!(e instanceof NotCovered)) throw e; holiday = false; }
      if (holiday) {
        a.unknown("publication.earliest_end", "最短期限的最后一日 " + pub.earliest_end + " 是法定休假日；民法典第二百零三条"
          + "（顺延到休假日结束的次日）是否适用于公示期限，所读来源未说明，本答案未顺延");
      }
    }
  }
  function countingTrace(a, pub, latestLabel, counting) {
    var parts = [];
    if (pub.earliest_end) parts.push("最短期限的最后一日为 " + pub.earliest_end);
    if (pub.latest_end) parts.push(latestLabel + "的最后一日为 " + pub.latest_end);
    a.trace("开始的当日不计入，按月、年计算的到期月对应日为最后一日：" + parts.join("，"), DATA.applied.counting, counting);
  }

  // a period that runs past the end of its regime: the sources do not say how old and new regimes meet
  function acrossRegimes(a, reg, pub) {
    var endsOn = reg.to;
    if (!endsOn) return;
    var crossing = ["earliest_end", "latest_end"].filter(function (k) { return pub[k] && pub[k] > endsOn; });
    if (!crossing.length) return;
    var later = DATA.regimes.filter(function (r) { return r.from && r.from > endsOn; })
      .sort(function (x, y) { return x.from < y.from ? -1 : x.from > y.from ? 1 : 0; });
    var next = later.length ? "，“" + later[0].name + "”自 " + later[0].from + " 起施行" : "";
    a.unknown("publication", "公示期跨越制度变更：“" + reg.name + "”于 " + endsOn + " 失效" + next + "；所读来源没有载明新旧制度"
      + "怎样衔接，本答案按决定之日施行的制度计算");
  }

  function repair(a, rec, reg, period, severity) {
    var r = rec.repair;
    if (!r) {
      a.unknown("repair", "“" + rec.name + "”没有写明信用修复的规定");
      return;
    }
    var out = {
      repairable: get(r, "repairable"), earliest: null, channels: copy(r.channels), materials: copy(r.materials),
      free_of_charge: get(r, "free_of_charge"), time_limit_working_days: null, missing_materials: null,
      can_apply: null, result_due: null
    };
    a.out.repair = out;
    if (period && out.repairable === true && has(period, "repairable")) {
      out.repairable = period.repairable;
    } else if (period && out.repairable === true && reg) {
      out.repairable = null;
      a.unknown("repair.repairable", "“" + reg.name + "”没有写明" + (severity ? label(W.severities, severity) : "该档")
        + "失信信息能否修复（见该制度记录的说明）");
    }
    if (out.repairable === false) {
      a.trace("不可修复", DATA.applied.repair, r.basis);
      return;
    }
    var earliestEnd = (a.out.publication || {}).earliest_end || null;
    if (earliestEnd !== null) {
      out.earliest = addDays(earliestEnd, 1);
      a.trace("最短公示期限届满后可以申请修复：" + out.earliest + " 起", DATA.applied.repair, r.basis);
    } else if (period && !period.minimum) {
      a.unknown("repair.earliest", "该档失信信息没有最短公示期限，履行法定责任义务后即可申请修复；履行完毕的日期不在输入中");
    }
    if (out.channels.length || out.materials.length) {
      a.trace("申请渠道：" + (names(W.channels, out.channels) || "未写明") + "；申请材料："
        + (names(W.materials, out.materials) || "未写明"), DATA.applied.repair, r.basis);
    }
    var when = get(a.c, "applied_on") || a.c.as_of;
    var days = get(r, "time_limit_working_days");
    // a list regime's removal follows its own rule (service_in_force is for catalog entries only)
    var by = !days && has(rec, "kind") ? regime(on(DATA.service_in_force[rec.kind], when)) : null;
    if (by) {
      days = by.service.days;
      a.used(by, "repair_regime");
      a.trace("办理时限 " + days + " 个工作日，不收费（按 " + when + " 施行的“" + by.name + "”）", DATA.applied.service,
        by.service.basis);
    } else if (days) {
      a.trace("办理时限 " + days + " 个工作日" + (out.free_of_charge ? "，不收费" : ""), DATA.applied.service, r.basis);
    }
    out.time_limit_working_days = days;
  }

  // -- serious-dishonesty lists --------------------------------------------------------------------------------

  function listing(a, listedOn) {
    var reg = find(DATA.lists, a.c.list);
    if (!reg) throw caseError("list", "没有这一个严重失信主体名单");
    a.used(reg, "list_regime");
    a.out.list = reg.id;
    var matter = get(a.c, "matter");
    var rows = (on(reg.measures, a.c.as_of) || []).map(function (i) { return DATA.rows[i]; })
      .filter(function (row) { return matter === null || row.matters.some(function (m) { return m.indexOf(matter) >= 0; }); });
    a.out.measures = rows.map(function (row) {
      var m = DATA.measures[row.measure];
      return {
        measure: row.measure, name: m.name, category: m.category, row: row.row, content: row.content,
        implementers: copy(row.implementers), matters: copy(row.matters), basis: basis(row.basis), verified: m.verified,
        evidence: m.evidence
      };
    });
    var order = [];
    rows.forEach(function (row) { if (order.indexOf(row.measure) < 0) order.push(row.measure); });
    order.forEach(function (id) {
      var m = DATA.measures[id], refs = [];
      a.used({ id: id, name: m.name, verified: m.verified, evidence: m.evidence }, "measure");
      rows.forEach(function (row) {
        if (row.measure === id) row.basis.forEach(function (i) { if (refs.indexOf(i) < 0) refs.push(i); });
      });
      a.trace("适用惩戒措施“" + m.name + "”" + (matter ? "（业务事项含“" + matter + "”）" : ""), DATA.applied.measures, refs);
    });
    if (!order.length) {
      a.trace("基准日 " + a.c.as_of + " 没有适用于本名单" + (matter ? "、业务事项含“" + matter + "”" : "")
        + "的惩戒措施", DATA.applied.measures, []);
    }
    var period = reg.period, r = reg.repair || {};
    var pub = { publish: null, minimum: get(r, "minimum_period"), maximum: period.duration, starts: null,
      earliest_end: null, latest_end: null };
    a.out.publication = pub;
    if (!pub.maximum) {
      a.unknown("publication.maximum", "名单制度没有写明以时长表示的列入期限" + (period.description ? "：" + period.description : ""));
    } else if (period.from === "listing_date") {
      pub.starts = listedOn;
      a.trace("列入期限" + zh(pub.maximum) + "，自列入之日 " + listedOn + " 起算", DATA.applied.listing, period.basis);
      pub.latest_end = lastDay(listedOn, pub.maximum);
    } else {
      a.unknown("publication.latest_end", notFromListing(period.from, "列入期限" + zh(pub.maximum)));
    }
    if (pub.minimum && r.minimum_period_from === "listing_date") pub.earliest_end = lastDay(listedOn, pub.minimum);
    if (pub.earliest_end || pub.latest_end) countingTrace(a, pub, "列入期限", DATA.counting);
    if (reg.removal) a.out.removal = { description: reg.removal.description, basis: basis(reg.removal.basis) };
    if (reg.judicial) {
      a.out.repair = { repairable: null, earliest: null, channels: [], materials: [], free_of_charge: null,
        time_limit_working_days: null, missing_materials: null, can_apply: null, result_due: null };
      a.trace("由人民法院认定，按司法程序删除，不适用行政的信用修复", DATA.applied.judicial, reg.judicial_basis);
      a.unknown("repair.repairable", "本名单由人民法院认定，按司法程序删除，不适用行政的信用修复");
      return;
    }
    repair(a, reg, null, null, null);
    if (a.out.repair && a.out.repair.repairable === true && !pub.earliest_end) {
      a.unknown("repair.earliest", !pub.minimum
        ? "名单制度没有写明以时长表示的最短列入期限，最早可申请修复（提前移出）的日期无法计算"
        : notFromListing(get(r, "minimum_period_from"), "最短期限" + zh(pub.minimum)));
    }
  }

  function notFromListing(start, what) {
    if (start === null || start === undefined) return what + "从哪一天起算，名单制度没有写明，无法计算日期";
    return what + "自" + label(W.period_starts, start) + "起算，输入中没有这个日期（只有列入日期），无法计算";
  }

  // -- an application for repair --------------------------------------------------------------------------------

  function application(a) {
    var out = a.out.repair, given = a.c.materials || [], applied = a.c.applied_on;
    out.missing_materials = out.materials.filter(function (m) { return given.indexOf(m) < 0; });
    if (out.repairable === false) {
      out.can_apply = false;
    } else if (out.repairable === true && out.earliest !== null) {
      out.can_apply = applied >= out.earliest;
      a.trace("申请日期 " + applied + " " + (out.can_apply ? "已到" : "早于") + "最早可申请的日期 " + out.earliest,
        DATA.applied.repair, []);
    }
    if (out.missing_materials.length) {
      a.trace("尚缺申请材料：" + names(W.materials, out.missing_materials), DATA.applied.repair, []);
    }
    if (out.can_apply && out.time_limit_working_days) {
      try {
        out.result_due = addWorkingDays(applied, out.time_limit_working_days);
      } catch (e) {
        if (!(e instanceof NotCovered)) throw e;
        a.unknown("repair.result_due", e.zh());
      }
    }
  }

  // -- the input (tools.model.cases.check, in short) ------------------------------------------------------------

  function caseError(field, message) { return { field: field, message: message }; }

  function check(input) {
    var c = {}, errors = [];
    Object.keys(input || {}).forEach(function (k) { if (input[k] !== null && input[k] !== undefined) c[k] = input[k]; });
    if (!has(W.case_kinds, c.case)) return [null, [caseError("case", "请选择要计算的事项")]];
    if (!has(W.subjects, c.subject)) errors.push(caseError("subject", "请选择信用主体类型"));
    var dates = { as_of: "所按规定的日期", decided_on: "处罚决定日期", listed_on: "列入名单日期", applied_on: "申请日期" };
    Object.keys(dates).forEach(function (k) {
      if (has(c, k) && !isDate(c[k])) errors.push(caseError(k, dates[k] + "不是存在的日期"));
    });
    if (has(c, "procedure") && !has(W.procedures, c.procedure)) errors.push(caseError("procedure", "请选择处罚程序"));
    if (has(c, "severity") && !has(W.severities, c.severity)) errors.push(caseError("severity", "请选择失信程度"));
    if (has(c, "materials") && !(Array.isArray(c.materials) && c.materials.every(function (m) { return has(W.materials, m); }))) {
      errors.push(caseError("materials", "请选择提交的申请材料"));
    }
    var needs = { penalty: ["decided_on", "procedure"], listing: ["list", "listed_on"], repair: ["applied_on", "materials"] };
    var zhNames = { decided_on: "处罚决定日期", procedure: "处罚程序", list: "名单", listed_on: "列入名单日期",
      applied_on: "申请日期", materials: "提交的申请材料" };
    needs[c.case].forEach(function (k) { if (!has(c, k)) errors.push(caseError(k, "请填写" + zhNames[k])); });
    if (c.case === "repair") {
      var onList = has(c, "list"), onInfo = has(c, "information") || has(c, "decided_on");
      if (onList === onInfo) errors.push(caseError("list", "请写明所修复的是失信信息（及处罚决定日期）还是名单（及列入日期）"));
      else if (onList && !has(c, "listed_on")) errors.push(caseError("listed_on", "请填写列入名单日期"));
      else if (onInfo && !has(c, "decided_on")) errors.push(caseError("decided_on", "请填写处罚决定日期"));
    }
    if (errors.length) return [null, errors];
    if (!has(c, "as_of")) c.as_of = today();
    var startField = has(c, "decided_on") ? "decided_on" : "listed_on";
    ["as_of", "applied_on"].forEach(function (k) {
      if (has(c, startField) && has(c, k) && c[k] < c[startField]) {
        errors.push(caseError(k, dates[k] + " " + c[k] + " 早于" + dates[startField] + " " + c[startField]));
      }
    });
    return errors.length ? [null, errors] : [c, []];
  }

  function calculate(input) {
    var checked = check(input);
    if (checked[1].length) return { errors: checked[1] };
    try {
      return decide(checked[0]);
    } catch (e) {
      if (e && e.field) return { errors: [e] };
      throw e;
    }
  }

  // -- the page: a form that builds a case, and the answer in plain Chinese ---------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function fill(select, pairs, chosen) {
    pairs.forEach(function (p) {
      var option = el("option", { value: p[0] }, [p[1]]);
      if (p[0] === chosen) option.selected = true;
      select.appendChild(option);
    });
  }
  function pairs(words) { return Object.keys(words).map(function (k) { return [k, words[k]]; }); }

  function setUp(root) {
    var form = root.querySelector("form");
    var q = function (name) { return form.elements[name]; };
    var current = DATA.entries.filter(function (e) { return e.current; });
    fill(q("information"), current.map(function (e) { return [e.id, e.name]; }), DATA.default_information);
    fill(q("list"), DATA.lists.map(function (x) { return [x.id, x.name]; }));
    fill(q("subject"), pairs(W.subjects), "legal_person");
    fill(q("severity"), [["", "不清楚"]].concat(pairs(W.severities)));
    var box = root.querySelector("[data-materials]");
    pairs(W.materials).forEach(function (p) {
      box.appendChild(el("label", { class: "benxi-check" }, [el("input", { type: "checkbox", name: "materials", value: p[0] }), p[1]]));
    });
    q("as_of").value = today();
    // a part of the form shows for the case kinds in its data-cases, and for one target (information or list)
    var refresh = function () {
      var kind = q("case").value, target = kind === "repair" ? q("target").value : kind === "listing" ? "list" : "information";
      root.querySelectorAll("[data-cases]").forEach(function (part) {
        var forTarget = part.getAttribute("data-target");
        part.hidden = part.getAttribute("data-cases").split(" ").indexOf(kind) < 0 || (forTarget !== null && forTarget !== target);
      });
    };
    form.addEventListener("change", refresh);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var box = root.querySelector("[data-result]");
      show(box, calculate(caseOf(form)));
      box.scrollIntoView({ block: "start" });
    });
    refresh();
  }

  // the form as a case in decide's input format (fields left empty are left out)
  function caseOf(form) {
    var q = function (name) { return form.elements[name]; };
    var kind = q("case").value, onList = kind === "listing" || (kind === "repair" && q("target").value === "list");
    var c = { case: kind, subject: q("subject").value, as_of: q("as_of").value };
    var put = function (name, value) { if (value !== "") c[name] = value; };
    if (onList) {
      put("list", q("list").value);
      put("listed_on", q("listed_on").value);
      if (kind === "listing") put("matter", q("matter").value.trim());
    } else {
      put("information", q("information").value);
      put("decided_on", q("decided_on").value);
      put("procedure", q("procedure").value);
      c.minor_corrected = q("minor_corrected").checked;
      c.first_offense_corrected = q("first_offense_corrected").checked;
      put("severity", q("severity").value);
    }
    if (kind === "repair") {
      put("applied_on", q("applied_on").value);
      c.materials = Array.prototype.filter.call(form.querySelectorAll("input[name=materials]"), function (x) { return x.checked; })
        .map(function (x) { return x.value; });
    }
    if (c.as_of === "") delete c.as_of;
    return c;
  }

  // decide's words for people: the records' free text as the site shows it (data.plain), the input field in the
  // form's words
  function plain(text) {
    Object.keys(DATA.plain).forEach(function (raw) { text = text.split(raw).join(DATA.plain[raw]); });
    return text.replace(/输入没有写明 severity/g, "没有选择失信程度").replace(/写明 severity/g, "选择失信程度");
  }
  // 《title》label、label…: consecutive articles of one document under one title
  function citeText(list) {
    return list.map(function (c, i) {
      var article = (c.label || "").replace(/、$/, ""); // 二、 -> 二
      return (i && list[i - 1].doc === c.doc ? "" : bookTitle(DATA.documents[c.doc])) + article
        + (c.evidence === "reconstructed" ? W.inferred : "");
    }).join("、");
  }
  // 《…》 around a title, the marks inside turned to 〈…〉 (domain.citations.book_title)
  function bookTitle(title) {
    var inner = String(title).trim().replace(/^《/, "").replace(/》$/, "");
    return "《" + inner.replace(/《/g, "〈").replace(/》/g, "〉") + "》";
  }
  // the records the answer rests on that were inferred, named with what they are: 惩戒措施“…”
  function inferredRecords(answer) {
    return answer.unverified.filter(function (u) { return u.evidence === "reconstructed"; })
      .map(named);
  }
  // a record as the answer names it: what it is, then its name (惩戒措施“…”)
  function named(u) { return (W.kinds[u.kind] || "记录") + "“" + u.name + "”"; }

  function show(box, answer) {
    box.textContent = "";
    if (answer.errors) {
      box.appendChild(el("p", { class: "benxi-error" }, [answer.errors.map(function (e) { return e.message; }).join("；")]));
      return;
    }
    var facts = [], pub = answer.publication, rep = answer.repair;
    var fact = function (k, v) { if (v !== null && v !== undefined && v !== "") facts.push([k, String(v)]); };
    if (answer.public_credit_information === true) fact("是否属于公共信用信息", "是");
    if (answer.public_credit_information === false) fact("是否属于公共信用信息", "否：" + W.exclusions[answer.excluded_by]);
    if (answer.regime) fact("适用的规定", regime(answer.regime).name);
    if (answer.list) fact("名单", find(DATA.lists, answer.list).name);
    if (pub) {
      if (pub.publish === false) fact("是否公示", "原则上不公示");
      fact(answer.list ? "最短期限" : "最短公示期限", pub.minimum && zh(pub.minimum));
      fact(answer.list ? "列入期限" : "最长公示期限", pub.maximum && zh(pub.maximum));
      fact("起算日", pub.starts);
      fact("最短期限的最后一日", pub.earliest_end);
      fact(answer.list ? "列入期限的最后一日" : "最长期限的最后一日", pub.latest_end);
    }
    if (rep) {
      if (rep.repairable === false) fact("能否修复", "不可修复");
      fact("最早可以申请信用修复", rep.earliest);
      fact("申请渠道", names(W.channels, rep.channels));
      fact("申请材料", names(W.materials, rep.materials));
      if (rep.free_of_charge) fact("是否收费", "不收费");
      fact("办理时限", rep.time_limit_working_days && rep.time_limit_working_days + " 个工作日");
      if (rep.can_apply !== null) fact("现在能否申请", rep.can_apply ? "可以申请" : "还不能申请");
      if (rep.missing_materials) fact("尚缺材料", rep.missing_materials.length ? names(W.materials, rep.missing_materials) : "无");
      fact("最迟答复日期", rep.result_due);
    }
    var guessed = inferredRecords(answer);
    if (guessed.length) {  // first, before any figure: what in the answer rests on inferred records
      box.appendChild(el("div", { class: "benxi-warning", role: "note" }, [
        el("strong", {}, ["注意："]),
        "本答案用到根据其他资料推断整理的记录：" + guessed.join("、") + "。它们不是从原文读到的事实，依据"
        + (guessed.length > 1 ? "它们" : "它") + "的结论只能作为查找原文的线索，不能作为办事或认定的依据。原因见",
        el("a", { href: script.src.replace(/assets\/calculator\.js(\?.*)?$/, "unread/") }, ["尚未读到原文的官方文件"]),
        "。"]));
    }
    var dl = el("dl", { class: "benxi-facts" });
    facts.forEach(function (f) { dl.appendChild(el("dt", {}, [f[0]])); dl.appendChild(el("dd", {}, [f[1]])); });
    box.appendChild(dl);
    if (answer.measures) {
      box.appendChild(el("h3", {}, ["适用的惩戒措施（" + answer.measures.length + " 项）"]));
      var ul = el("ul");
      answer.measures.forEach(function (m) {
        var mark = m.evidence === "reconstructed" ? "〔推断整理〕" : "";
        ul.appendChild(el("li", {}, [el("strong", {}, [m.name + mark]), "：" + (m.content || "")
          + "。实施：" + (m.implementers.join("、") || "未写明") + "。适用事项：" + (m.matters.join("、") || "未写明")
          + (m.basis.length ? "。依据 " + citeText(m.basis) : "")]));
      });
      box.appendChild(ul);
    }
    if (answer.removal && answer.removal.description) {
      box.appendChild(el("h3", {}, ["移出"]));
      box.appendChild(el("p", {}, [plain(answer.removal.description) + (answer.removal.basis.length ? "（依据 " + citeText(answer.removal.basis) + "）" : "")]));
    }
    box.appendChild(el("h3", {}, ["逐条结论和依据"]));
    var ol = el("ol", { class: "benxi-trace" });
    answer.trace.forEach(function (t) {
      var others = t.citations.filter(function (c) { return !(c.doc === W.plan_doc && c.label === t.plan_clause); });
      var why = [t.plan_clause ? "本溪市实施方案" + t.plan_clause : "", citeText(others)].filter(Boolean).join("；");
      ol.appendChild(el("li", {}, [plain(t.conclusion) + (why ? "——依据 " + why : "")]));
    });
    box.appendChild(ol);
    if (answer.unknown.length) {
      box.appendChild(el("h3", {}, ["无法确定的事项"]));
      var unknowns = el("ul", { class: "benxi-unknown" });
      answer.unknown.forEach(function (u) { unknowns.appendChild(el("li", {}, [plain(u.reason)])); });
      box.appendChild(unknowns);
    }
    if (answer.unverified.length) {
      box.appendChild(el("p", { class: "benxi-note" }, ["以下所用记录尚未对照来源逐项核实，请以认定单位的规定为准："]));
      var unverified = el("ul", { class: "benxi-note" });
      answer.unverified.forEach(function (u) {
        var words = DATA.words.evidence[u.evidence];
        unverified.appendChild(el("li", {}, [named(u)
          + (words ? "——证据等级：" + words : "")]));
      });
      box.appendChild(unverified);
    }
  }

  // -- start: load the data written at build time (same folder as this script) --------------------------------------

  var url = script.src.replace(/calculator\.js(\?.*)?$/, "calculator-data.json");
  window.benxiCalculate = function (input) {
    if (!DATA) throw new Error("calculator data not loaded yet: wait for window.benxiReady");
    return calculate(input);
  };
  window.benxiReady = fetch(url).then(function (r) {
    if (!r.ok) throw new Error("calculator data: HTTP " + r.status);
    return r.json();
  }).then(function (data) {
    DATA = data;
    W = data.words;
    HOLIDAYS = daySet(data.calendar.holidays);
    WORKING_WEEKENDS = daySet(data.calendar.working_weekends);
    var root = document.getElementById("benxi-calculator");
    if (root) setUp(root);
    return true;
  });
})();
