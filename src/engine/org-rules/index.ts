/** Organisation rules: `.aupguard/rules.yaml` read into rules the engine runs like its own. */
export type { OrgRule } from './build-rule';
export {
	MESSAGE_PLACEHOLDERS, ORG_RULE_ID_PATTERN, ORG_RULES_PATH, ORG_RULES_VERSION, STRING_SCOPES, VALUE_CONDITIONS, type Override,
} from './constants';
export { NO_ORG_RULES, parseOrgRules, type OrgRules, type OrgRulesProblem, type ParseOrgRulesOptions } from './load';
export { withOrgRules } from './scan-options';
