import rule from '../../../src/engine/rules/mining-pool-endpoint';
import { ruleTester } from '../rule-tester';

const id = 'AUP-MIN-002';
const MONERO_WALLET = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'a Stratum URL and a wallet passed to a miner in user data',
			path: 'main.tf',
			source: `resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c6i.8xlarge"
  user_data     = <<-EOF
    #!/bin/bash
    /opt/bin/worker -o stratum+tcp://pool.supportxmr.com:3333 -u ${MONERO_WALLET}.rig01 -k --tls
  EOF
}
`,
			findings: [
				{ ruleId: id, line: 5, character: 23, endLine: 5, endCharacter: 61, text: 'stratum+tcp://pool.supportxmr.com:3333', message: /^Mining pool endpoint on host pool\.supportxmr\.com:3333 \('user_data' of aws_instance\.worker\)/ },
				{ ruleId: id, line: 5, character: 65, endLine: 5, endCharacter: 160, text: MONERO_WALLET, message: /^A cryptocurrency wallet address is passed to a miner/ },
			],
		},
		{
			name: 'pool hosts in Kubernetes container arguments and environment',
			path: 'deploy/worker.yaml',
			source: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels: { app: node-agent }
  template:
    metadata:
      labels: { app: node-agent }
    spec:
      containers:
        - name: agent
          image: registry.example.com/ops/agent:2.1
          args: ["--url=stratum+ssl://eth-eu1.nanopool.org:9433", "--user", "0x52908400098527886E0F7030069857D2E4169EE7"]
          env:
            - name: FALLBACK_POOL
              value: gulf.moneroocean.stream:10128
            - name: PAYOUT_WALLET
              value: ${MONERO_WALLET}
`,
			findings: [
				{ ruleId: id, line: 14, character: 24, endLine: 14, endCharacter: 63, text: 'stratum+ssl://eth-eu1.nanopool.org:9433' },
				{ ruleId: id, line: 14, character: 77, endLine: 14, endCharacter: 119, text: '0x52908400098527886E0F7030069857D2E4169EE7' },
				{ ruleId: id, line: 17, character: 21, endLine: 17, endCharacter: 50, text: 'gulf.moneroocean.stream:10128', message: /^gulf\.moneroocean\.stream:10128 is a public mining pool/ },
				{ ruleId: id, line: 19, character: 21, endLine: 19, endCharacter: 116, text: MONERO_WALLET, message: /^'PAYOUT_WALLET' of DaemonSet 'node-agent' holds a cryptocurrency wallet address/ },
			],
		},
		{
			name: 'a pool host and a wallet in a Compose command string',
			path: 'docker-compose.yml',
			source: `services:
  worker:
    image: ubuntu:22.04
    command: ./worker --pool us1.ethermine.org:4444 --wallet 0x52908400098527886E0F7030069857D2E4169EE7
`,
			findings: [
				{ ruleId: id, line: 3, character: 29, endLine: 3, endCharacter: 51, text: 'us1.ethermine.org:4444' },
				{ ruleId: id, line: 3, character: 61, endLine: 3, endCharacter: 103, text: '0x52908400098527886E0F7030069857D2E4169EE7' },
			],
		},
		{
			name: 'a Stratum V2 URL in CloudFormation user data',
			path: 'template.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Worker:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      InstanceType: c6i.large
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo "pool=stratum2+tcp://btc.f2pool.com:1314" > /etc/worker.conf
          systemctl restart worker
`,
			findings: [{ ruleId: id, line: 10, character: 21, endLine: 10, endCharacter: 55, text: 'stratum2+tcp://btc.f2pool.com:1314' }],
		},
	],
	clean: [
		{
			name: 'pools named in an egress policy description, tags and labels',
			path: 'egress.tf',
			source: `resource "aws_network_firewall_rule_group" "block_mining" {
  name        = "block-mining"
  capacity    = 100
  type        = "STATEFUL"
  description = "Drops traffic to pool.supportxmr.com, *.nanopool.org and stratum+tcp:// endpoints"
  tags = {
    Blocks = "xmr.2miners.com"
  }
}
`,
		},
		{
			name: 'a pool host in a YAML comment and Kubernetes annotations',
			path: 'netpol.yaml',
			source: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-mining-pools
  annotations:
    security.example.com/reason: "blocks stratum+tcp://pool.minexmr.com:4444"
spec:
  # was: allow egress to pool.hashvault.pro
  podSelector: {}
  policyTypes: [Egress]
`,
		},
		{
			name: 'look-alike hosts and a wallet-sized value that is not a wallet',
			path: 'docker-compose.yml',
			source: `services:
  app:
    image: acme/app:2
    environment:
      API_URL: https://api.nanopool-statistics.example.com/v1
      MIRROR: https://f2pool.com.mirror.example.net/
      WALLET_SERVICE_URL: https://wallet.example.com
      GIT_COMMIT: 0x52908400098527886E0F7030069857D2E4169EE
    command: ["./app", "-u", "deploy-bot"]
`,
		},
		{
			name: 'a stratum endpoint taken from a variable',
			path: 'vars.tf',
			source: `resource "aws_instance" "node" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
  user_data     = templatefile("\${path.module}/start.sh", { pool = var.pool_url })
}
`,
		},
	],
});
