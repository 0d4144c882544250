import rule from '../../../src/engine/rules/admin-port-open-to-internet';
import { ruleTester } from '../rule-tester';

const id = 'AUP-NET-001';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'SSH from IPv4 and IPv6 everywhere, and a range covering MySQL and RDP',
			path: 'sg.tf',
			source: `resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    description      = "SSH"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    from_port   = 3300
    to_port     = 3400
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
			findings: [
				{ ruleId: id, line: 9, character: 25, endLine: 9, endCharacter: 34, text: '0.0.0.0/0', message: 'SSH (22) is open to the whole internet (0.0.0.0/0) in aws_security_group.bastion. Limit the source to your network, a VPN or a bastion\'s security group (AUP section 3), or use a session manager instead of an open port.' },
				{ ruleId: id, line: 10, character: 25, endLine: 10, endCharacter: 29, text: '::/0', message: /^SSH \(22\) is open to the whole internet \(::\/0\)/ },
				{ ruleId: id, line: 17, character: 20, endLine: 17, endCharacter: 29, text: '0.0.0.0/0', message: /^MySQL \(3306\) and RDP \(3389\) are open to the whole internet/ },
			],
		},
		{
			name: 'PostgreSQL and Redis in standalone Terraform rule resources',
			path: 'rules.tf',
			source: `resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.db.id
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  security_group_id = aws_security_group.cache.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
}
`,
			findings: [
				{ ruleId: id, line: 5, character: 24, endLine: 5, endCharacter: 33, text: '0.0.0.0/0', message: /^PostgreSQL \(5432\) is open .* in aws_security_group_rule\.postgres\./ },
				{ ruleId: id, line: 11, character: 23, endLine: 11, endCharacter: 32, text: '0.0.0.0/0', message: /^Redis \(6379\) is open/ },
			],
		},
		{
			name: 'RDP and MongoDB in CloudFormation security groups',
			path: 'network.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WindowsSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Windows hosts
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: '3389'
          ToPort: '3389'
          CidrIp: 0.0.0.0/0
  MongoIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref DataSG
      IpProtocol: "6"
      FromPort: 27017
      ToPort: 27017
      CidrIpv6: "::/0"
`,
			findings: [
				{ ruleId: id, line: 15, character: 18, endLine: 15, endCharacter: 27, text: '0.0.0.0/0', message: /^RDP \(3389\) is open .* in AWS::EC2::SecurityGroup 'WindowsSG'/ },
				{ ruleId: id, line: 23, character: 17, endLine: 23, endCharacter: 21, text: '::/0', message: /^MongoDB \(27017\) is open/ },
			],
		},
	],
	clean: [
		{
			name: 'web ports open to the world and SSH from the office only',
			path: 'web.tf',
			source: `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "HTTPS; SSH from 0.0.0.0/0 is not allowed"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0", "::/0"]
  }

  ingress {
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    cidr_blocks     = ["203.0.113.0/24"]
    security_groups = [aws_security_group.bastion.id]
  }

  ingress {
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
		},
		{
			name: 'egress rules, a source from a variable and every port (AUP-NET-002)',
			path: 'misc.tf',
			source: `resource "aws_security_group_rule" "ssh_out" {
  type              = "egress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.ci.id
}

resource "aws_security_group_rule" "ssh_admins" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.admin_cidrs
  security_group_id = aws_security_group.ci.id
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lab.id
}
`,
		},
		{
			name: 'another resource type: a network ACL rule for SSH',
			path: 'nacl.tf',
			source: `resource "aws_network_acl_rule" "ssh" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
`,
		},
		{
			name: 'CloudFormation SSH from a parameter and egress to the world',
			path: 'sg.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AdminCidr:
    Type: String
Resources:
  AdminSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: "Admin access; never 0.0.0.0/0 on port 22"
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref AdminCidr
      SecurityGroupEgress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 0.0.0.0/0
`,
		},
	],
});
