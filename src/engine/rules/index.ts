import acceleratorFleet from './accelerator-fleet';
import adminPortOpenToInternet from './admin-port-open-to-internet';
import administratorPolicy from './administrator-policy';
import allPortsOpenToInternet from './all-ports-open-to-internet';
import auditLoggingTurnedOff from './audit-logging-turned-off';
import bucketVersioningSuspended from './bucket-versioning-suspended';
import commandAndControlTool from './command-and-control-tool';
import consoleUserWithoutMfa from './console-user-without-mfa';
import cryptoMinerSoftware from './crypto-miner-software';
import databaseBackupsTurnedOff from './database-backups-turned-off';
import decodedPayloadExecuted from './decoded-payload-executed';
import deletionProtectionTurnedOff from './deletion-protection-turned-off';
import detailedMonitoringTurnedOff from './detailed-monitoring-turned-off';
import encryptionAtRestTurnedOff from './encryption-at-rest-turned-off';
import finalSnapshotSkipped from './final-snapshot-skipped';
import floodingTool from './flooding-tool';
import hardCodedCloudCredential from './hard-coded-cloud-credential';
import hardCodedPassword from './hard-coded-password';
import hostNamespaceShared from './host-namespace-shared';
import hostPathMounted from './host-path-mounted';
import hostSecurityToolingDisabled from './host-security-tooling-disabled';
import invalidSuppression from './invalid-suppression';
import longLivedAccessKey from './long-lived-access-key';
import miningPoolEndpoint from './mining-pool-endpoint';
import openProxyReachableFromInternet from './open-proxy-reachable-from-internet';
import pointInTimeRecoveryTurnedOff from './point-in-time-recovery-turned-off';
import privateKeyInConfiguration from './private-key-in-configuration';
import privilegedContainer from './privileged-container';
import publicAccessBlockTurnedOff from './public-access-block-turned-off';
import remoteCodePipedIntoShell from './remote-code-piped-into-shell';
import resourcePolicyOpenToAnyone from './resource-policy-open-to-anyone';
import reverseShell from './reverse-shell';
import roleAssumableByAnyone from './role-assumable-by-anyone';
import type { Rule } from './rule';
import scannerOrExploitationTool from './scanner-or-exploitation-tool';
import statefulResourceDeletedWithStack from './stateful-resource-deleted-with-stack';
import storageReadableByAnyone from './storage-readable-by-anyone';
import storageWritableByAnyone from './storage-writable-by-anyone';
import veryLargeScalingLimit from './very-large-scaling-limit';
import weakPasswordPolicy from './weak-password-policy';

/** Every built-in rule, in documentation order: prohibited use, credentials, exposure, then suppressions. */
export const BUILTIN_RULES: readonly Rule[] = [
	cryptoMinerSoftware,
	miningPoolEndpoint,
	reverseShell,
	commandAndControlTool,
	scannerOrExploitationTool,
	floodingTool,
	remoteCodePipedIntoShell,
	decodedPayloadExecuted,
	hostSecurityToolingDisabled,
	openProxyReachableFromInternet,
	hardCodedCloudCredential,
	privateKeyInConfiguration,
	hardCodedPassword,
	administratorPolicy,
	roleAssumableByAnyone,
	resourcePolicyOpenToAnyone,
	longLivedAccessKey,
	weakPasswordPolicy,
	consoleUserWithoutMfa,
	adminPortOpenToInternet,
	allPortsOpenToInternet,
	storageReadableByAnyone,
	storageWritableByAnyone,
	publicAccessBlockTurnedOff,
	privilegedContainer,
	hostNamespaceShared,
	hostPathMounted,
	databaseBackupsTurnedOff,
	finalSnapshotSkipped,
	deletionProtectionTurnedOff,
	pointInTimeRecoveryTurnedOff,
	bucketVersioningSuspended,
	statefulResourceDeletedWithStack,
	encryptionAtRestTurnedOff,
	veryLargeScalingLimit,
	acceleratorFleet,
	auditLoggingTurnedOff,
	detailedMonitoringTurnedOff,
	invalidSuppression,
];

export function findRule(id: string, rules: readonly Rule[] = BUILTIN_RULES): Rule | undefined {
	return rules.find(rule => rule.id === id);
}
