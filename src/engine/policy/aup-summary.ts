import type { AupSection, Category } from '../finding';

/**
 * The Acceptable Use Policy (last updated 24 March 2026) retold in our own words, so the AUP view
 * can show a short, scannable page and tie each part to what the workspace's findings say about it.
 * The policy itself stays the authority: the view links to it.
 */
export interface PolicySummary {
	readonly owner: string;
	readonly lastUpdated: string;
	readonly sections: readonly SummarySection[];
	/** Section 7's default addresses; the extension lets an organisation route reports elsewhere. */
	readonly contacts: { readonly abuse: string; readonly security: string };
}

export type SectionId = 'purpose' | 'permitted' | 'prohibited' | 'responsibilities' | 'resource-usage' | 'enforcement' | 'reporting';

export interface SummarySection {
	readonly id: SectionId;
	readonly number: AupSection;
	readonly title: string;
	readonly summary: string;
	/** Short bullets for sections that list things but need no standing (2, 6, 7). */
	readonly points: readonly string[];
	/** The parts the workspace has a standing for: section 3's groups, section 4's and 5's items. */
	readonly items: readonly SummaryItem[];
}

export interface SummaryItem {
	readonly id: string;
	readonly section: AupSection;
	readonly title: string;
	/** One plain line. */
	readonly summary: string;
	/** For section 3's groups: what falls in the group. */
	readonly points: readonly string[];
	/** Finding categories that bear on the item; each category belongs to exactly one item, so a finding is counted once. */
	readonly categories: readonly Category[];
	/** What AUP Guard looks for in the files, as a phrase after "checks for"; absent when files cannot show it. */
	readonly checksFor?: string;
	/** What lies outside the files and so outside what AUP Guard can tell. */
	readonly outsideFiles: string;
}

export const AUP_SUMMARY: PolicySummary = {
	owner: 'Autoscalr',
	lastUpdated: '2026-03-24',
	contacts: { abuse: 'abuse@autoscalr.com', security: 'security@autoscalr.com' },
	sections: [
		section('purpose', '1', 'Purpose', 'Sets the ground rules for using Autoscalr. Using the service means accepting them, and breaking them can cost you your account.'),
		section('permitted', '2', 'What you may do', 'Autoscalr is meant for genuine DevOps, automation and cloud deployment work.', [
			'Produce infrastructure-as-code for your own projects',
			'Automate deployments to AWS, Google Cloud and Azure',
			'Define how the apps you run scale, are watched and are networked',
			'Keep your infrastructure configurations managed and under version control',
		]),
		section('prohibited', '3', 'What you must not do', 'Three kinds of use are off-limits: anything illegal or harmful, abusing the platform, and attacking its security.', [], [
			item('illegal-harmful', '3', 'Illegal or harmful use', 'No infrastructure built for unlawful ends or to hurt others.', {
				points: [
					'Breaking the law or trampling on anyone else\'s rights',
					'Crypto-mining on resources you have no right to, illegal content, or help for cyberattacks',
					'Configurations meant to exploit, attack or break into systems that are not yours',
					'Helping to launder money, defraud people or commit other financial crime',
				],
				categories: ['mining', 'attack-tooling'],
				checksFor: 'crypto-miners, mining pools and attack tooling in images, commands and scripts',
				outsideFiles: 'Whether a use is lawful, or a target is yours to test, cannot be read from a config; financial crime leaves no trace in these files.',
			}),
			item('platform-abuse', '3', 'Abusing the platform', 'Use Autoscalr as offered: no getting around its limits and no handing your access to others.', {
				points: [
					'Probing, copying or extracting its AI models and algorithms',
					'Getting round usage caps, request-rate caps or access controls',
					'Scraping or harvesting data from it with automated tools',
					'Giving your login to others or letting people in without permission',
					'Reselling or passing on the service without an agreement',
				],
				categories: [],
				outsideFiles: 'This is about how you use the Autoscalr service itself, which your configuration files do not record.',
			}),
			item('security-violations', '3', 'Attacking the platform\'s security', 'Do not break into, disrupt or plant harmful code on Autoscalr or its users.', {
				points: [
					'Trying to get into the platform or into another user\'s account',
					'Disrupting or interfering with the service\'s infrastructure',
					'Uploading malware, viruses or harmful scripts',
					'Probing for weaknesses or running pen tests unless you have permission in writing',
				],
				categories: ['malicious-code'],
				checksFor: 'remote code piped straight into a shell, reverse shells and similar harmful script patterns',
				outsideFiles: 'Break-in attempts and scans happen at run time, not in files, and written permission to test is an agreement AUP Guard cannot see.',
			}),
		]),
		section('responsibilities', '4', 'Your responsibilities', 'Keeping your account, your generated configurations and your cloud estate in good order is up to you.', [], [
			item('credentials', '4', 'Protect your credentials', 'Keep the credentials of your account secret and safe.', {
				categories: ['credentials'],
				checksFor: 'hard-coded access keys, private keys, tokens and passwords in configs',
				outsideFiles: 'Where else you keep or share your Autoscalr login is not visible in files.',
			}),
			item('mfa', '4', 'Strong passwords and MFA', 'Choose strong passwords you use nowhere else, and turn on multi-factor sign-in wherever it is offered.', {
				categories: ['mfa'],
				checksFor: 'settings in your configs that leave multi-factor sign-in off or allow weak passwords',
				outsideFiles: 'Whether MFA is on for your Autoscalr account or your cloud console is set outside these files, so AUP Guard cannot tell: check each account\'s security settings.',
			}),
			item('review', '4', 'Review generated configs', 'Read and check every AI-generated configuration before you deploy it.', {
				categories: ['ai-review', 'access-control', 'network-exposure', 'data-exposure', 'encryption'],
				checksFor: 'what a review should catch: ports open to the internet, public data, missing encryption, broad permissions and generator leftovers',
				outsideFiles: 'A clean scan is not a review: whether the design, sizing and intent are right is still your call.',
			}),
			item('monitoring-cost', '4', 'Watch your infrastructure and costs', 'Keep an eye on what you run and on what it costs you.', {
				categories: ['logging-monitoring', 'cost-scale'],
				checksFor: 'logging and monitoring turned off, and sizes or counts that can run up costs',
				outsideFiles: 'Actual spend, budgets and billing alerts live in your cloud account, not in these files.',
			}),
			item('report', '4', 'Report problems promptly', 'Tell Autoscalr quickly about security holes or policy breaches you come across.', {
				categories: [],
				outsideFiles: 'Reporting is something you do; the report command prepares the email for you, with secrets removed.',
			}),
			item('provider-terms', '4', 'Follow your cloud provider\'s terms', 'What you deploy must also fit the terms of service of AWS, Google Cloud or Azure.', {
				categories: [],
				outsideFiles: 'Each provider\'s terms are its own and change over time, so AUP Guard does not check against them; mining and attack findings under section 3 usually breach them too.',
			}),
			item('backups', '4', 'Backups and disaster recovery', 'Keep suitable backups and a plan for recovering from a disaster.', {
				categories: ['backup-recovery'],
				checksFor: 'databases, volumes and buckets without backups, retention or versioning',
				outsideFiles: 'Whether backups can really be restored and the recovery plan works only a test of them can show.',
			}),
		]),
		section('resource-usage', '5', 'Fair use of the service', 'Use Autoscalr\'s capacity in a way that leaves room for everyone else.', [], [
			item('generation-requests', '5', 'Only the generation requests you need', 'Ask Autoscalr to generate what you need, not more, and not over and over.', {
				categories: [],
				outsideFiles: 'How often you call Autoscalr is not recorded in your configs.',
			}),
			item('rate-limits', '5', 'Respect rate limits', 'Stay within the API rate limits and the fair-usage guidelines.', {
				categories: [],
				outsideFiles: 'Rate limits apply to calls to the Autoscalr API, which files do not show.',
			}),
			item('shared-performance', '5', 'Do not slow others down', 'Keep your use from making the service slower or worse for others.', {
				categories: [],
				outsideFiles: 'Load on the shared service is something only Autoscalr can measure.',
			}),
		]),
		section('enforcement', '6', 'Enforcement', 'Autoscalr may watch for breaches, look into them and act on them.', [
			'Usage may be monitored to check it follows the policy',
			'Suspected breaches may be investigated',
			'Accounts may be suspended or closed, with or without warning depending on how serious the breach is',
			'Illegal activity may be passed on to law enforcement',
			'Content that breaks the policy may be taken down or blocked',
		]),
		section('reporting', '7', 'Reporting violations', 'If you learn of a breach of the policy, report it straight away.', [
			'Policy breaches: abuse@autoscalr.com',
			'Security issues: security@autoscalr.com',
		]),
	],
};

/** Every item of every section, in page order. */
export function summaryItems(summary: PolicySummary = AUP_SUMMARY): SummaryItem[] {
	return summary.sections.flatMap(entry => entry.items);
}

export function findSummaryItem(id: string, summary: PolicySummary = AUP_SUMMARY): SummaryItem | undefined {
	return summaryItems(summary).find(entry => entry.id === id);
}

export function findSection(number: AupSection, summary: PolicySummary = AUP_SUMMARY): SummarySection | undefined {
	return summary.sections.find(entry => entry.number === number);
}

/** The item a finding of this category is counted under. */
export function itemForCategory(category: Category, summary: PolicySummary = AUP_SUMMARY): SummaryItem | undefined {
	return summaryItems(summary).find(entry => entry.categories.includes(category));
}

function section(id: SectionId, number: AupSection, title: string, summary: string, points: string[] = [], items: SummaryItem[] = []): SummarySection {
	return { id, number, title, summary, points, items };
}

type ItemDetails = Pick<SummaryItem, 'categories' | 'outsideFiles'> & Partial<Pick<SummaryItem, 'points' | 'checksFor'>>;

function item(id: string, number: AupSection, title: string, summary: string, details: ItemDetails): SummaryItem {
	return { id, section: number, title, summary, points: details.points ?? [], categories: details.categories, checksFor: details.checksFor, outsideFiles: details.outsideFiles };
}
