import rule from '../../../src/engine/rules/host-security-tooling-disabled';
import { ruleTester } from '../rule-tester';

const id = 'AUP-EXE-003';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'a miner dropper prelude in EC2 user data: agents stopped and killed, logs and history wiped',
			path: 'main.tf',
			source: `resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c5.2xlarge"
  user_data     = <<-EOT
    #!/bin/bash
    systemctl stop falcon-sensor
    systemctl disable --now auditd osqueryd
    pkill -9 AliYunDun
    ps aux | grep -v grep | grep aegis | awk '{print $2}' | xargs kill -9
    curl -fsSL http://update.aegis.aliyun.com/download/uninstall.sh | bash
    rm -rf /var/log/*
    history -c && unset HISTFILE
  EOT
}
`,
			findings: [
				{ ruleId: id, line: 5, character: 4, endLine: 5, endCharacter: 32, text: 'systemctl stop falcon-sensor', message: /^This command \('user_data' of aws_instance\.worker\) stops the CrowdStrike Falcon sensor, a host security agent\. .*AUP section 3/ },
				{ ruleId: id, line: 6, character: 4, endLine: 6, endCharacter: 43, text: 'systemctl disable --now auditd osqueryd', message: /disables the Linux audit daemon and the osquery daemon, host security agents\./ },
				{ ruleId: id, line: 7, character: 4, endLine: 7, endCharacter: 22, text: 'pkill -9 AliYunDun', message: /kills Alibaba Cloud Security Center \(Aegis\)/ },
				{ ruleId: id, line: 8, character: 28, endLine: 8, endCharacter: 73, text: 'grep aegis | awk \'{print $2}\' | xargs kill -9', message: /kills Alibaba Cloud Security Center/ },
				{ ruleId: id, line: 9, character: 4, endLine: 9, endCharacter: 67, text: 'curl -fsSL http://update.aegis.aliyun.com/download/uninstall.sh', message: /downloads the uninstaller of Alibaba Cloud Security Center/ },
				{ ruleId: id, line: 10, character: 4, endLine: 10, endCharacter: 21, text: 'rm -rf /var/log/*', message: /wipes system logs \(\/var\/log\/\*\), destroying the record/ },
				{ ruleId: id, line: 11, character: 4, endLine: 11, endCharacter: 14, text: 'history -c', message: /clears or turns off shell history \(history -c\)/ },
				{ ruleId: id, line: 11, character: 18, endLine: 11, endCharacter: 32, text: 'unset HISTFILE' },
			],
		},
		{
			name: 'cloud-init runcmd stopping auditd as a string and masking it as an argv list',
			path: 'cloud-init.yaml',
			source: `#cloud-config
package_update: true
runcmd:
  - service auditd stop
  - [ systemctl, mask, auditd.service ]
  - auditctl -e 0
`,
			findings: [
				{ ruleId: id, line: 3, character: 4, endLine: 3, endCharacter: 23, text: 'service auditd stop', message: /^This command \('runcmd' in this file\) stops the Linux audit daemon/ },
				{ ruleId: id, line: 4, character: 6, endLine: 4, endCharacter: 37, text: 'systemctl, mask, auditd.service', message: /masks the Linux audit daemon/ },
				{ ruleId: id, line: 5, character: 4, endLine: 5, endCharacter: 17, text: 'auditctl -e 0', message: /turns off kernel auditing/ },
			],
		},
		{
			name: 'a privileged DaemonSet that stops the node\'s Falcon sensor through chroot',
			path: 'k8s/node-tuner.yaml',
			source: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-tuner
spec:
  selector:
    matchLabels: { app: node-tuner }
  template:
    metadata:
      labels: { app: node-tuner }
    spec:
      hostPID: true
      containers:
        - name: tuner
          image: alpine:3.20
          securityContext: { privileged: true }
          command: ["sh", "-c", "chroot /host systemctl stop falcon-sensor; sleep infinity"]
          volumeMounts: [{ name: host, mountPath: /host }]
      volumes: [{ name: host, hostPath: { path: / } }]
`,
			findings: [{ ruleId: id, line: 16, character: 46, endLine: 16, endCharacter: 74, text: 'systemctl stop falcon-sensor', message: /'command' of DaemonSet 'node-tuner'\) stops the CrowdStrike Falcon sensor/ }],
		},
		{
			name: 'a startup script that kills osquery and empties the auth log and history',
			path: 'scripts/startup.sh',
			source: `#!/bin/bash
set -e
kill -9 $(pidof osqueryd) 2>/dev/null || true
> /var/log/auth.log
export HISTFILE=/dev/null
./run-worker --threads 8
`,
			findings: [
				{ ruleId: id, line: 2, character: 0, endLine: 2, endCharacter: 25, text: 'kill -9 $(pidof osqueryd)', message: /kills the osquery daemon/ },
				{ ruleId: id, line: 3, character: 0, endLine: 3, endCharacter: 19, text: '> /var/log/auth.log', message: /wipes system logs \(\/var\/log\/auth\.log\)/ },
				{ ruleId: id, line: 4, character: 0, endLine: 4, endCharacter: 25, text: 'export HISTFILE=/dev/null', message: /shell history \(HISTFILE=\/dev\/null\)/ },
			],
		},
		{
			name: 'CloudFormation user data that purges auditd and truncates syslog',
			path: 'template.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Worker:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      InstanceType: c5.xlarge
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          apt-get purge -y auditd wazuh-agent
          truncate -s 0 /var/log/syslog
`,
			findings: [
				{ ruleId: id, line: 10, character: 10, endLine: 10, endCharacter: 45, text: 'apt-get purge -y auditd wazuh-agent', message: /'UserData' of AWS::EC2::Instance 'Worker'\) uninstalls the Linux audit daemon and the Wazuh agent, host security agents/ },
				{ ruleId: id, line: 11, character: 10, endLine: 11, endCharacter: 39, text: 'truncate -s 0 /var/log/syslog' },
			],
		},
		{
			name: 'an ARM custom script that disables the Wazuh agent',
			path: 'azuredeploy.json',
			source: `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2023-03-01",
      "name": "vm1/setup",
      "properties": {
        "publisher": "Microsoft.Azure.Extensions",
        "type": "CustomScript",
        "typeHandlerVersion": "2.1",
        "settings": { "commandToExecute": "systemctl disable --now wazuh-agent && bash setup.sh" }
      }
    }
  ]
}
`,
			findings: [{ ruleId: id, line: 12, character: 43, endLine: 12, endCharacter: 78, text: 'systemctl disable --now wazuh-agent', message: /'commandToExecute' of .* disables the Wazuh agent/ }],
		},
		{
			name: 'a Compose command that kills the Aegis agent by pattern',
			path: 'docker-compose.yml',
			source: `services:
  worker:
    image: alpine:3.20
    pid: host
    privileged: true
    command: sh -c 'pkill -f aliyundun; exec ./worker'
`,
			findings: [{ ruleId: id, line: 5, character: 20, endLine: 5, endCharacter: 38, text: 'pkill -f aliyundun', message: /service 'worker'\) kills Alibaba Cloud Security Center/ }],
		},
		{
			name: 'a Dockerfile CMD (run on every start, unlike RUN) that turns off history',
			path: 'Dockerfile',
			source: `FROM debian:12-slim
RUN rm -rf /var/log/* /var/lib/apt/lists/*
CMD ["/bin/bash", "-c", "unset HISTFILE; exec /opt/agent/run"]
`,
			findings: [{ ruleId: id, line: 2, character: 25, endLine: 2, endCharacter: 39, text: 'unset HISTFILE', message: /'CMD' in this file\) clears or turns off shell history/ }],
		},
	],
	clean: [
		{
			name: 'audit rules reloaded by a stop and a start, agents restarted and sent reload signals',
			path: 'main.tf',
			source: `resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    exec > /var/log/user-data.log 2>&1
    service auditd stop
    cp /tmp/hardening.rules /etc/audit/rules.d/
    service auditd start
    systemctl restart falcon-sensor
    pkill -HUP auditd
    kill -s USR1 $(pidof osqueryd)
    auditctl -D
    auditctl -e 1
    pgrep falcond || echo "falcon sensor not running" >> /var/log/messages
  EOT
}
`,
		},
		{
			name: 'cloud-init that stops an agent in one runcmd item and starts it in a later one, after an upgrade',
			path: 'cloud-init.yaml',
			source: `#cloud-config
runcmd:
  - systemctl stop falcon-sensor
  - apt-get remove -y falcon-sensor
  - dpkg -i /tmp/falcon-sensor_7.10.0-16303_amd64.deb
  - /opt/CrowdStrike/falconctl -s --cid=0123456789ABCDEF
  - systemctl start falcon-sensor
`,
		},
		{
			name: 'a kubeadm node that turns off SELinux, the firewall and swap',
			path: 'main.tf',
			source: `resource "aws_instance" "k8s_node" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.large"
  user_data     = <<-EOT
    #!/bin/bash
    setenforce 0
    sed -i 's/^SELINUX=enforcing$/SELINUX=permissive/' /etc/selinux/config
    systemctl disable --now firewalld
    ufw disable
    swapoff -a
    systemctl stop amazon-ssm-agent
    systemctl stop clamav-freshclam && freshclam && systemctl start clamav-freshclam
  EOT
}
`,
		},
		{
			name: 'log retention, application log cleanup and appends to system logs',
			path: 'scripts/cleanup.sh',
			source: `#!/bin/bash
rm -rf /var/log/nginx/*
find /var/log -type f -mtime +7 -delete
find /var/log -name "*.gz" -delete
logrotate -f /etc/logrotate.conf
journalctl --vacuum-time=7d
echo "cleanup done" >> /var/log/messages
cat /var/log/auth.log > /tmp/auth-copy.log
history | tail -n 20
pkill -f falcon
`,
		},
		{
			name: 'a Dockerfile whose RUN lines slim the image and mask auditd for systemd in a container',
			path: 'Dockerfile',
			source: `FROM ubuntu:24.04
RUN apt-get update && apt-get install -y systemd \\
 && systemctl mask auditd.service systemd-journald-audit.socket \\
 && rm -rf /var/log/* /var/lib/apt/lists/*
CMD ["/lib/systemd/systemd"]
`,
		},
		{
			name: 'agent names in a comment, an echo and an environment value',
			path: 'k8s/agent-check.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: agent-check
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: check
          image: alpine:3.20
          env:
            - name: FORBIDDEN
              value: "systemctl stop falcon-sensor"
          # never: systemctl stop auditd
          command: ["sh", "-c", "echo 'do not run systemctl stop auditd'; pgrep -f falcond"]
`,
		},
	],
});
